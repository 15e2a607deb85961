// Port of FastAPI 0.142's tests/test_stream_json_lines.py and test_sse.py: a generator path
// operation streams JSON Lines, or Server-Sent Events with EventSourceResponse.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as z from "zod";
import { TestClient } from "../../src/testclient.js";
import { Depends, EventSourceResponse, FastAPI, Query, ServerSentEvent, StreamingResponse } from "../../src/fastapi/index.js";
import { keepaliveInterval } from "../../src/fastapi/_route_handler.js";

const Item = z.object({ name: z.string(), description: z.string().nullable().default(null) });

test("an async generator streams JSON Lines, each item as Python's json.dumps writes it", async () => {
  const app = new FastAPI();
  app.get("/items/stream", async function* streamItems() {
    yield { name: "Plumbus", description: "A multi-purpose household device." };
    yield { name: "Portal Gun", price: 9.5, tags: ["x", "ü"] };
  });
  const r = await new TestClient(app).get("/items/stream");
  assert.is(r.statusCode, 200);
  assert.is(r.headers.get("content-type"), "application/jsonl");
  assert.is(r.text, '{"name": "Plumbus", "description": "A multi-purpose household device."}\n{"name": "Portal Gun", "price": 9.5, "tags": ["x", "\\u00fc"]}\n');
  // Each item is its own chunk.
  assert.is(r.messages.filter((m) => m.type === "http.response.body" && m.more_body).length, 2);
});

test("with a responseModel, each item is validated and written compactly; a bad one ends the stream with an error", async () => {
  const app = new FastAPI();
  app.get("/items", { responseModel: Item }, function* items() {
    yield { name: "a", secret: "dropped" };
    yield { name: 1 };
  });
  const client = new TestClient(app, { raiseServerExceptions: false });
  const r = await client.get("/items");
  assert.is(r.text, '{"name":"a","description":null}\n');
});

test("a sync generator with params and dependencies, and the dependency exits after the stream", async () => {
  const log: string[] = [];
  async function* resource() {
    log.push("open");
    yield "r";
    log.push("close");
  }
  const app = new FastAPI();
  app.get("/count", { params: { n: Query(z.int()), res: Depends(resource) } }, function* count({ n, res }) {
    for (let i = 0; i < n; i++) {
      log.push(`item ${i}`);
      yield { i, res };
    }
  });
  const r = await new TestClient(app).get("/count?n=2");
  assert.is(r.text, '{"i": 0, "res": "r"}\n{"i": 1, "res": "r"}\n');
  assert.equal(log, ["open", "item 0", "item 1", "close"]);
});

test("EventSourceResponse: plain items as data, ServerSentEvent as given, over POST too", async () => {
  const app = new FastAPI();
  app.post("/events", { responseClass: EventSourceResponse }, async function* events() {
    yield { hello: "world" };
    yield new ServerSentEvent({ data: { n: 1 }, event: "update", id: "7", retry: 1000 });
    yield new ServerSentEvent({ rawData: "raw text", comment: "a note" });
  });
  const r = await new TestClient(app).post("/events");
  assert.is(r.headers.get("content-type"), "text/event-stream; charset=utf-8");
  assert.is(r.headers.get("cache-control"), "no-cache");
  assert.is(r.headers.get("x-accel-buffering"), "no");
  assert.is(r.text, 'data: {"hello": "world"}\n\nevent: update\ndata: {"n": 1}\nid: 7\nretry: 1000\n\n: a note\ndata: raw text\n\n');
});

test("EventSourceResponse sends a keepalive comment when no event came for the ping interval", async () => {
  const saved = keepaliveInterval.ms;
  keepaliveInterval.ms = 20;
  try {
    const app = new FastAPI();
    app.get("/slow", { responseClass: EventSourceResponse }, async function* slow() {
      await new Promise((resolve) => setTimeout(resolve, 70));
      yield "late";
    });
    const r = await new TestClient(app).get("/slow");
    assert.match(r.text, /^(: ping\n\n)+data: "late"\n\n$/);
  } finally {
    keepaliveInterval.ms = saved;
  }
});

test("a generator with its own response class streams raw chunks", async () => {
  const app = new FastAPI();
  app.get("/raw", { responseClass: StreamingResponse }, async function* raw() {
    yield "a";
    yield "b";
  });
  const r = await new TestClient(app).get("/raw");
  assert.is(r.text, "ab");
});

test.run();
