// No Python counterpart: whatever a client sends, the FastAPI layer answers with a 4xx and a
// clear body, never a 500, and never lets a key of the request reach an object's prototype.
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as z from "zod";
import { serve } from "../../src/server.js";
import { Body, Cookie, FastAPI, File, Form, Header, Path, Query, UploadFile } from "../../src/fastapi/index.js";
import { TestClient } from "../../src/fastapi/testclient.js";

const Item = z.object({
  name: z.string(),
  price: z.number(),
  tags: z.array(z.string()).default([]),
  meta: z.record(z.string(), z.unknown()).default({}),
  owner: z.object({ id: z.int() }).nullable().default(null),
});

function makeApp(): FastAPI {
  const app = new FastAPI();
  app.post(
    "/items/{item_id}",
    {
      params: {
        item_id: Path(z.int()),
        q: Query(z.array(z.string()).default([])),
        limit: Query(z.int().default(10), { ge: 1, le: 100 }),
        x_token: Header(z.string().nullable().default(null)),
        session: Cookie(z.string().nullable().default(null)),
        item: Body(Item),
        importance: Body(z.int().default(1)),
      },
    },
    (values) => values.item,
  );
  app.post("/form", { params: { name: Form(z.string()), age: Form(z.int()), file: File({ as: "upload", optional: true }) } }, ({ name, age, file }) => ({ name, age, file: file?.filename ?? null }));
  app.post("/upload", { params: { file: UploadFile } }, async ({ file }) => ({ size: (await file.read()).byteLength }));
  return app;
}

const KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "name", "price", "item", "importance", "polluted"];
const key = fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 6 }));
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small" }, fc.jsonValue({ maxDepth: 1 }), fc.array(tie("value"), { maxLength: 3 }), fc.dictionary(key, tie("value"), { maxKeys: 4 })),
})).value;
const text = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom("", "__proto__", "1", "-1", "1e400", "NaN", "%00", "%ZZ", "\u0000", "😀", "a".repeat(2000)));
const contentType = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-8",
  "application/vnd.x+json",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "multipart/form-data",
  "Application/JSON",
  "application/json;;;",
  "",
);
const body = fc.oneof(
  json.map((v) => JSON.stringify(v) ?? "null"),
  json.map((v) => JSON.stringify(v)?.slice(0, -1) ?? ""),
  fc.string({ maxLength: 40 }),
  fc.constantFrom('{"__proto__": {"polluted": true}, "name": "a", "price": 1}', '{"item": {"__proto__": {"polluted": 1}}}', "[", "{", '{"a":1}{', "\uFEFF{}", "NaN"),
  fc.uint8Array({ maxLength: 30 }),
);

function pristine(): void {
  for (const proto of [Object.prototype, Array.prototype, Function.prototype]) {
    assert.not.ok(Object.hasOwn(proto, "polluted"), "a prototype was polluted");
  }
  assert.is(({} as { polluted?: unknown }).polluted, undefined);
}

test("random requests get 200, 400, 404, 405 or 422 with a JSON detail, never a 500 or a polluted prototype", async () => {
  const client = new TestClient(makeApp(), { raiseServerExceptions: false });
  const request = fc.record({
    method: fc.constantFrom("POST", "GET", "PUT", "DELETE"),
    path: fc.oneof(fc.constantFrom("/items/5", "/items/x", "/items/%2e%2e", "/items/-1", "/form", "/upload", "/items/", "/nope"), text.map((t) => `/items/${encodeURIComponent(t)}`)),
    query: fc.array(fc.tuple(fc.constantFrom("q", "limit", "__proto__", "constructor", "x"), text), { maxLength: 4 }),
    headers: fc.array(fc.tuple(fc.constantFrom("x-token", "cookie", "X_Token", "__proto__", "constructor", "content-length-ish"), text), { maxLength: 3 }),
    contentType,
    body,
  });
  await fc.assert(
    fc.asyncProperty(request, async (r) => {
      const headers: Array<[string, string]> = r.headers.map(([k, v]) => [k, v.replace(/[\r\n\0]/g, "")]);
      if (r.contentType) headers.push(["content-type", r.contentType]);
      const response = await client.request(r.method, r.path, { params: r.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&"), headers, content: r.body });
      assert.ok([200, 400, 404, 405, 422].includes(response.statusCode), `${r.method} ${r.path}: ${response.statusCode} ${response.text}`);
      if (response.statusCode !== 200) assert.ok("detail" in response.json<object>(), response.text);
      pristine();
    }),
    { numRuns: 600, seed: 20261205 },
  );
});

test("__proto__ keys in a body are data: the model sees none of them, the prototype stays clean", async () => {
  const client = new TestClient(makeApp());
  const r = await client.post("/items/5", {
    content: '{"item": {"name": "a", "price": 1, "meta": {"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}}, "__proto__": {"price": 2}}}',
    headers: { "content-type": "application/json" },
  });
  assert.is(r.statusCode, 200);
  const item = r.json<{ price: number; meta: Record<string, unknown> }>();
  // A "__proto__" key never stands in for a missing or given field...
  assert.is(item.price, 1);
  // ...and what it held never becomes inherited: the record's keys are its own data.
  assert.is(Object.getPrototypeOf(item.meta), Object.prototype);
  assert.is((item.meta as { polluted?: unknown }).polluted, undefined);
  pristine();
});

test("an oversized body behind serve({ maxBodySize }) is a 413, and the server serves on", async () => {
  const server = await serve(makeApp(), { host: "127.0.0.1", port: 0, accessLog: false, handleSignals: false, maxBodySize: 1024 });
  try {
    const big = JSON.stringify({ item: { name: "x".repeat(4096), price: 1 } });
    const tooBig = await fetch(`${server.url}/items/5`, { method: "POST", body: big, headers: { "content-type": "application/json" } });
    assert.is(tooBig.status, 413);
    const fine = await fetch(`${server.url}/items/5`, { method: "POST", body: JSON.stringify({ item: { name: "x", price: 1 } }), headers: { "content-type": "application/json" } });
    assert.is(fine.status, 200);
  } finally {
    await server.close();
  }
});

test.run();
