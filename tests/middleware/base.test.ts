// Port of tests/middleware/test_base.py (Starlette 1.x): BaseHTTPMiddleware.
// Not ported: ExceptionGroup and
// contextvars cases (no JavaScript counterpart), test_asgi_pathsend_events'
// file server extension is covered with a hand-made pathsend message instead.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { App } from "../../src/applications.js";
import { BackgroundTask } from "../../src/background.js";
import { BaseHTTPMiddleware, type CallNext, type DispatchFunction } from "../../src/middleware/base.js";
import { Middleware, asASGIApp } from "../../src/middleware/index.js";
import { ClientDisconnect, Request } from "../../src/requests.js";
import { PlainTextResponse, Response, StreamingResponse } from "../../src/responses.js";
import { HTTPEndpoint } from "../../src/endpoints.js";
import { Route, WebSocketRoute } from "../../src/routing.js";
import { TestClient } from "../../src/testclient.js";
import type { ASGIApp, Message, Receive, Scope, Send } from "../../src/types.js";
import type { WebSocket } from "../../src/websockets.js";
import { rejects } from "../helpers.js";

class CustomMiddleware extends BaseHTTPMiddleware {
  override async dispatch(request: Request, callNext: CallNext): Promise<Response> {
    const response = await callNext(request);
    response.headers.set("Custom-Header", "Example");
    return response;
  }
}

function* faultyStream(): Generator<string> {
  yield "Ok";
  throw new Error("Faulty Stream");
}

class NoResponse extends HTTPEndpoint {
  override async dispatch(): Promise<void> {}
}

async function websocketEndpoint(session: WebSocket): Promise<void> {
  await session.accept();
  await session.sendText("Hello, world!");
  await session.close();
}

const app = new App({
  routes: [
    new Route("/", () => new PlainTextResponse("Homepage")),
    new Route("/exc", () => {
      throw new Error("Exc");
    }),
    new Route("/exc-stream", () => new StreamingResponse(faultyStream())),
    new Route("/no-response", NoResponse),
    new WebSocketRoute("/ws", websocketEndpoint),
  ],
  middleware: [new Middleware(CustomMiddleware)],
});

const encoder = new TextEncoder();
const text = (b: Uint8Array | undefined) => new TextDecoder().decode(b);

test("test_custom_middleware", async () => {
  const client = new TestClient(app);
  assert.is((await client.get("/")).headers.get("Custom-Header"), "Example");
  {
    const e = await rejects(client.get("/exc"));
    assert.is(e.message, "Exc");
  }
  {
    const e = await rejects(client.get("/exc-stream"));
    assert.is(e.message, "Faulty Stream");
  }
  {
    const e = await rejects(client.get("/no-response"));
    assert.is(e.message, "No response returned.");
  }
  await using session = await client.websocketConnect("/ws");
  assert.is(await session.receiveText(), "Hello, world!");
});

test("test_state_data_across_multiple_middlewares", async () => {
  class A extends BaseHTTPMiddleware {
    override async dispatch(request: Request, callNext: CallNext) {
      request.state.foo = "foo";
      return callNext(request);
    }
  }
  class B extends BaseHTTPMiddleware {
    override async dispatch(request: Request, callNext: CallNext) {
      request.state.bar = "bar";
      const response = await callNext(request);
      response.headers.set("X-State-Foo", String(request.state.foo));
      return response;
    }
  }
  class C extends BaseHTTPMiddleware {
    override async dispatch(request: Request, callNext: CallNext) {
      const response = await callNext(request);
      response.headers.set("X-State-Bar", String(request.state.bar));
      return response;
    }
  }
  const app = new App({
    routes: [new Route("/", () => new PlainTextResponse("Homepage"))],
    middleware: [new Middleware(A), new Middleware(B), new Middleware(C)],
  });
  const response = await new TestClient(app).get("/");
  assert.is(response.text, "Homepage");
  assert.is(response.headers.get("X-State-Foo"), "foo");
  assert.is(response.headers.get("X-State-Bar"), "bar");
});

test("test_app_middleware_argument", async () => {
  const app = new App({ routes: [new Route("/", () => new PlainTextResponse("Homepage"))], middleware: [new Middleware(CustomMiddleware)] });
  assert.is((await new TestClient(app).get("/")).headers.get("Custom-Header"), "Example");
});

test("test_fully_evaluated_response", async () => {
  class CustomMiddleware extends BaseHTTPMiddleware {
    override async dispatch(request: Request, callNext: CallNext) {
      await callNext(request);
      return new PlainTextResponse("Custom");
    }
  }
  const app = new App({ middleware: [new Middleware(CustomMiddleware)] });
  assert.is((await new TestClient(app).get("/does_not_exist")).text, "Custom");
});

test("test_run_background_tasks_even_if_client_disconnects", async () => {
  let ran = false;
  const endpoint = () =>
    new PlainTextResponse("Hello", {
      background: new BackgroundTask(async () => {
        await new Promise((r) => setTimeout(r, 5));
        ran = true;
      }),
    });
  const app = new BaseHTTPMiddleware(new App({ routes: [new Route("/", endpoint)] }).asgi, (request, callNext) => callNext(request));
  const scope: Scope = { type: "http", method: "GET", path: "/", headers: [], query_string: "", app: undefined };
  await app.call(scope, async () => ({ type: "http.disconnect" }), async () => undefined);
  assert.ok(ran);
});

test("test_run_background_tasks_raise_exceptions", async () => {
  const endpoint = () =>
    new PlainTextResponse("Hello", {
      background: new BackgroundTask(() => {
        throw new RangeError("TEST");
      }),
    });
  const app = new App({ routes: [new Route("/", endpoint)], middleware: [new Middleware(BaseHTTPMiddleware, (r: Request, n: CallNext) => n(r))] });
  {
    const e = await rejects(new TestClient(app).get("/"));
    assert.is(e.message, "TEST");
  }
});

test("test_exception_can_be_caught", async () => {
  const app = new App({
    routes: [
      new Route("/", () => {
        throw new RangeError("TEST");
      }),
    ],
    middleware: [
      new Middleware(BaseHTTPMiddleware, async (request: Request, callNext: CallNext) => {
        try {
          return await callNext(request);
        } catch (e) {
          return new PlainTextResponse((e as Error).message, { statusCode: 400 });
        }
      }),
    ],
  });
  const response = await new TestClient(app).get("/");
  assert.is(response.statusCode, 400);
  assert.is(response.text, "TEST");
});

test("test_do_not_block_on_background_tasks", async () => {
  const events: string[] = [];
  const sent: Array<[string, boolean]> = [];
  const endpoint = () =>
    new Response("Hello", {
      background: new BackgroundTask(async () => {
        events.push("bg start");
        await new Promise((r) => setTimeout(r, 10));
        events.push("bg end");
      }),
    });
  const app = new BaseHTTPMiddleware(new Route("/", endpoint).call.bind(new Route("/", endpoint)), (r, n) => n(r));
  const send: Send = async (message) => {
    if (message.type === "http.response.body") {
      sent.push([text(message.body), Boolean(message.more_body)]);
      events.push("sent");
    }
  };
  const scope = (): Scope => ({ type: "http", method: "GET", path: "/", headers: [], query_string: "" });
  const receive: Receive = () => new Promise(() => undefined);
  await Promise.all([app.call(scope(), receive, send), app.call(scope(), receive, send)]);
  assert.equal(sent, [["Hello", true], ["Hello", true], ["", false], ["", false]]);
  // Both responses are complete before any background task starts.
  assert.equal(events.slice(0, 4), ["sent", "sent", "sent", "sent"]);
});

test("test_app_receives_http_disconnect_while_sending_if_discarded", async () => {
  let disconnected = false;
  const downstream: ASGIApp = async (_scope, receive, send) => {
    await send({ type: "http.response.start", status: 200, headers: [["content-type", "text/plain"]] });
    let more = true;
    const pump = (async () => {
      while (more) await send({ type: "http.response.body", body: encoder.encode("chunk "), more_body: true });
    })();
    // Read until the disconnect (the request body comes first), as Starlette's test does.
    for (let i = 0; i < 10 && !disconnected; i++) disconnected = (await receive()).type === "http.disconnect";
    more = false;
    await pump;
  };
  const app = new BaseHTTPMiddleware(downstream, async (request, callNext) => {
    const response = (await callNext(request)) as Response & { bodyIterator: AsyncGenerator<unknown> };
    await response.bodyIterator.next();
    await response.bodyIterator.return(undefined);
    return new PlainTextResponse("Custom");
  });
  const client = new TestClient(app);
  assert.is((await client.get("/does_not_exist")).text, "Custom");
  assert.ok(disconnected);
});

type Streamed = Response & { bodyIterator: AsyncIterable<Uint8Array | string | Message> };

test("dispatch can replace the body iterator to rewrite a response on its way out", async () => {
  const app = new App({
    routes: [new Route("/", () => new StreamingResponse((async function* () {
      yield "one,";
      yield "two";
    })()))],
  });
  app.middleware("http")(async (request, callNext) => {
    const response = (await callNext(request)) as Streamed;
    const original = response.bodyIterator;
    response.bodyIterator = (async function* () {
      for await (const chunk of original) yield text(chunk as Uint8Array).toUpperCase();
      yield encoder.encode("!");
    })();
    return response;
  });
  const response = await new TestClient(app).get("/");
  assert.is(response.statusCode, 200);
  assert.is(response.text, "ONE,TWO!");
});

test("an inner app that returns after the start, before dispatch returns: an empty body", async () => {
  const inner: ASGIApp = async (_scope, _receive, send) => {
    await send({ type: "http.response.start", status: 204 });
  };
  const app = new BaseHTTPMiddleware(inner, async (request, callNext) => {
    const response = await callNext(request);
    await new Promise((resolve) => setImmediate(resolve)); // the inner app has finished by now
    return response;
  });
  const response = await new TestClient(app).get("/");
  assert.is(response.statusCode, 204);
  assert.is(response.text, "");
  // The same through the body iterator: it ends at once.
  const chunks: unknown[] = [];
  const reading = new BaseHTTPMiddleware(inner, async (request, callNext) => {
    const response = (await callNext(request)) as Response & { bodyIterator: AsyncIterable<unknown> };
    await new Promise((resolve) => setImmediate(resolve));
    for await (const chunk of response.bodyIterator) chunks.push(chunk);
    return new PlainTextResponse("read");
  });
  assert.is((await new TestClient(reading).get("/")).text, "read");
  assert.equal(chunks, []);
});

test("test_app_receives_http_disconnect_after_sending_if_discarded", async () => {
  let message: Message | undefined;
  const downstream: ASGIApp = async (_scope, receive, send) => {
    await send({ type: "http.response.start", status: 200 });
    await send({ type: "http.response.body", body: encoder.encode("first"), more_body: true });
    await send({ type: "http.response.body", body: encoder.encode("second"), more_body: true });
    message = await receive();
  };
  const app = new BaseHTTPMiddleware(downstream, async (request, callNext) => {
    await callNext(request);
    return new PlainTextResponse("Custom");
  });
  assert.is((await new TestClient(app).get("/")).text, "Custom");
  assert.equal(message, { type: "http.disconnect" });
});

/** The stream and body tests: what dispatch read decides what the endpoint reads. */
async function readAll(request: Request): Promise<string[]> {
  const chunks: string[] = [];
  for await (const chunk of request.stream()) chunks.push(text(chunk));
  return chunks;
}

function bodyApp(dispatch: (request: Request) => Promise<void>, endpoint: (request: Request) => Promise<unknown>): App {
  return new App({
    routes: [
      new Route(
        "/",
        async (request: Request) => {
          await endpoint(request);
          return new PlainTextResponse("Homepage");
        },
        { methods: ["POST"] },
      ),
    ],
    middleware: [
      new Middleware(BaseHTTPMiddleware, async (request: Request, callNext: CallNext) => {
        await dispatch(request);
        return callNext(request);
      }),
    ],
  });
}

test("test_read_request_stream_in_app_after_middleware_calls_stream", async () => {
  let seen: string[] = [];
  const app = bodyApp(
    async (r) => assert.equal(await readAll(r), ["a", ""]),
    async (r) => (seen = await readAll(r)),
  );
  assert.is((await new TestClient(app).post("/", { content: "a" })).statusCode, 200);
  assert.equal(seen, [""]);
});

test("test_read_request_stream_in_app_after_middleware_calls_body", async () => {
  let seen: string[] = [];
  const app = bodyApp(
    async (r) => assert.is(text(await r.body()), "a"),
    async (r) => (seen = await readAll(r)),
  );
  await new TestClient(app).post("/", { content: "a" });
  assert.equal(seen, ["a", ""]);
});

test("test_read_request_body_in_app_after_middleware_calls_stream", async () => {
  let seen = "?";
  const app = bodyApp(
    async (r) => void (await readAll(r)),
    async (r) => (seen = text(await r.body())),
  );
  await new TestClient(app).post("/", { content: "a" });
  assert.is(seen, "");
});

test("test_read_request_body_in_app_after_middleware_calls_body", async () => {
  let seen = "?";
  const app = bodyApp(
    async (r) => assert.is(text(await r.body()), "a"),
    async (r) => (seen = text(await r.body())),
  );
  await new TestClient(app).post("/", { content: "a" });
  assert.is(seen, "a");
});

/** The endpoint reads the body one way; dispatch may read it before callNext and reads it again after. */
async function readAfterCallNext(endpointRead: (r: Request) => Promise<unknown>, before: ((r: Request) => Promise<unknown>) | null, after: (r: Request) => Promise<unknown>): Promise<unknown> {
  let result: unknown;
  const app = new App({
    routes: [new Route("/", async (r: Request) => (await endpointRead(r), new PlainTextResponse("Homepage")), { methods: ["POST"] })],
    middleware: [
      new Middleware(BaseHTTPMiddleware, async (request: Request, callNext: CallNext) => {
        if (before) await before(request);
        const response = await callNext(request);
        result = await after(request).catch((e: unknown) => e);
        return response;
      }),
    ],
  });
  await new TestClient(app).post("/", { content: "a" });
  return result;
}

const bodyText = async (r: Request) => text(await r.body());

test("test_read_request_stream_in_dispatch_after_app_calls_stream", async () => {
  assert.is(((await readAfterCallNext(readAll, null, readAll)) as Error).message, "Stream consumed");
});

test("test_read_request_stream_in_dispatch_after_app_calls_body", async () => {
  assert.is(((await readAfterCallNext(bodyText, null, readAll)) as Error).message, "Stream consumed");
});

test("test_read_request_body_in_dispatch_after_app_calls_body_with_middleware_calling_body_before_call_next", async () => {
  assert.is(await readAfterCallNext(bodyText, bodyText, bodyText), "a");
});

test("test_read_request_stream_in_dispatch_after_app_calls_body_with_middleware_calling_body_before_call_next", async () => {
  assert.equal(await readAfterCallNext(bodyText, bodyText, readAll), ["a", ""]);
});

test("test_read_request_stream_in_dispatch_wrapping_app_calls_body", async () => {
  const rcv: Message[] = [1, 2, 3].map((n, i) => ({ type: "http.request", body: encoder.encode(String(n)), more_body: i < 2 }));
  const sent: Message[] = [];
  const endpoint: ASGIApp = async (scope, receive, send) => {
    const request = new Request(scope, receive);
    const chunks: string[] = [];
    for await (const chunk of request.stream()) {
      chunks.push(text(chunk));
      if (chunks.length === 1) break;
    }
    assert.equal(chunks, ["2"]);
    await new Response().call(scope, receive, send);
  };
  const app = new BaseHTTPMiddleware(endpoint, async (request, callNext) => {
    const stream = request.stream();
    assert.is(text((await stream.next()).value as Uint8Array), "1");
    const response = await callNext(request);
    assert.is(text((await stream.next()).value as Uint8Array), "3");
    return response;
  });
  await app.call({ type: "http", method: "POST", path: "/", headers: [] }, async () => rcv.shift() as Message, async (m) => void sent.push(m));
  assert.equal(sent, [
    { type: "http.response.start", status: 200, headers: [["content-length", "0"]] },
    { type: "http.response.body", body: new Uint8Array(0), more_body: false },
  ]);
  assert.is(rcv.length, 0);
});

test("test_read_request_disconnected_client", async () => {
  let downstream: Message | undefined;
  let disconnected = false;
  const endpoint: ASGIApp = async (scope, receive, send) => {
    downstream = await receive();
    await new Response().call(scope, receive, send);
  };
  const app = new BaseHTTPMiddleware(endpoint, async (request, callNext) => {
    const response = await callNext(request);
    disconnected = await request.isDisconnected();
    return response;
  });
  await app.call({ type: "http", method: "POST", path: "/", headers: [] }, async () => ({ type: "http.disconnect" }), async () => undefined);
  assert.equal(downstream, { type: "http.disconnect" });
  assert.ok(disconnected);
});

test("test_read_request_disconnected_after_consuming_steam", async () => {
  const seen: Message[] = [];
  const messages: Message[] = [{ type: "http.request", body: encoder.encode("hi"), more_body: false }, { type: "http.disconnect" }];
  const endpoint: ASGIApp = async (_scope, receive) => {
    seen.push(await receive(), await receive());
  };
  const app = new BaseHTTPMiddleware(endpoint, async (request, callNext) => {
    assert.is(text(await request.body()), "hi");
    await request.stream().next().catch(() => undefined);
    assert.ok(await request.isDisconnected());
    await callNext(request).catch(() => undefined);
    return new Response();
  });
  await app.call({ type: "http", method: "POST", path: "/", headers: [] }, async () => messages.shift() as Message, async () => undefined);
  assert.equal(seen.map((m) => m.type), ["http.request", "http.disconnect"]);
  assert.is(text(seen[0].body), "hi");
});

test("test_downstream_middleware_modifies_receive", async () => {
  const endpoint = async (request: Request) => new PlainTextResponse(text(await request.body()));
  const doubler = (app: ASGIApp): ASGIApp => async (scope, receive, send) => {
    await app(scope, async () => {
      const message = await receive();
      return { ...message, body: encoder.encode(text(message.body).repeat(2)) };
    }, send);
  };
  const app = new App({
    routes: [new Route("/", endpoint, { methods: ["POST"] })],
    middleware: [new Middleware(BaseHTTPMiddleware, async (r: Request, n: CallNext) => (assert.is(text(await r.body()), "foo "), n(r))), new Middleware(doubler)],
  });
  assert.is((await new TestClient(app).post("/", { content: "foo " })).text, "foo foo ");
});

test("test_multiple_middlewares_stacked_client_disconnected", async () => {
  const log: string[] = [];
  const tasks: number[] = [];
  const layers = Array.from({ length: 10 }, (_, i) => {
    const n = i + 1;
    return new Middleware(BaseHTTPMiddleware, async (request: Request, callNext: CallNext) => {
      log.push(`${n}:STARTED`);
      const response = await callNext(request);
      response.background = new BackgroundTask(() => void tasks.push(n));
      log.push(`${n}:COMPLETED`);
      return response;
    });
  });
  const app = new App({ routes: [new Route("/", () => new PlainTextResponse("ok"))], middleware: layers });
  const response = await new TestClient(app).get("/");
  assert.is(response.text, "ok");
  assert.equal(log, [...layers.map((_, i) => `${i + 1}:STARTED`), ...layers.map((_, i) => `${10 - i}:COMPLETED`)]);
  assert.equal(tasks.sort((a, b) => a - b), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
});

test("test_poll_for_disconnect_repeated", async () => {
  const sent: Message[] = [];
  const endpoint: ASGIApp = async (scope, receive, send) => {
    for (let i = 0; i < 2; i++) assert.equal(await receive(), { type: "http.disconnect" });
    await new PlainTextResponse("good!").call(scope, receive, send);
  };
  const app = new BaseHTTPMiddleware(endpoint, (r, n) => n(r));
  let calls = 0;
  await app.call({ type: "http", method: "GET", path: "/", headers: [] }, async () => (calls++, { type: "http.disconnect" }), async (m) => void sent.push(m));
  assert.is(calls, 1, "the server's receive is read once");
  assert.equal(sent.map((m) => [m.type, text(m.body), m.more_body]), [
    ["http.response.start", "", undefined],
    ["http.response.body", "good!", true],
    ["http.response.body", "", false],
  ]);
});

test("test_asgi_pathsend_events: a pathsend message ends the response without a final empty body", async () => {
  const sent: Message[] = [];
  const endpoint: ASGIApp = async (_scope, _receive, send) => {
    await send({ type: "http.response.start", status: 200, headers: [] });
    await send({ type: "http.response.pathsend", path: "/tmp/x" });
  };
  const app = new BaseHTTPMiddleware(endpoint, (r, n) => n(r));
  await app.call({ type: "http", method: "GET", path: "/", headers: [] }, async () => ({ type: "http.disconnect" }), async (m) => void sent.push(m));
  assert.equal(sent.map((m) => m.type), ["http.response.start", "http.response.pathsend"]);
});

test("a pathsend message read through the body iterator still ends the response", async () => {
  const sent: Message[] = [];
  const endpoint: ASGIApp = async (_scope, _receive, send) => {
    await send({ type: "http.response.start", status: 200, headers: [] });
    await send({ type: "http.response.body", body: encoder.encode("head"), more_body: true });
    await send({ type: "http.response.pathsend", path: "/tmp/x" });
  };
  const app = new BaseHTTPMiddleware(endpoint, async (request, callNext) => {
    const response = (await callNext(request)) as Streamed;
    const original = response.bodyIterator;
    response.bodyIterator = original; // read through the iterator rather than the direct path
    return response;
  });
  await app.call({ type: "http", method: "GET", path: "/", headers: [] }, async () => ({ type: "http.disconnect" }), async (m) => void sent.push(m));
  assert.equal(sent.map((m) => m.type), ["http.response.start", "http.response.body", "http.response.pathsend"]);
  assert.is(text(sent[1].body as Uint8Array), "head");
});

test("the inner app's receive: a request message after the whole body is an error; a failing receive's error is passed on", async () => {
  const errors: string[] = [];
  const endpoint: ASGIApp = async (_scope, receive, send) => {
    for (let i = 0; i < 2; i++) {
      try {
        await receive();
      } catch (exc) {
        errors.push((exc as Error).message);
      }
    }
    await send({ type: "http.response.start", status: 200, headers: [] });
    await send({ type: "http.response.body", body: new Uint8Array(0) });
  };
  const app = new BaseHTTPMiddleware(endpoint, (r, n) => n(r));
  const noop = async () => undefined;
  // A server that answers every receive with the (already complete) body.
  await app.call({ type: "http", method: "POST", path: "/", headers: [] }, async () => ({ type: "http.request", body: encoder.encode("x"), more_body: false }), noop);
  assert.equal(errors, ["Unexpected message received: http.request"]);
  errors.length = 0;
  await app.call({ type: "http", method: "POST", path: "/", headers: [] }, async () => {
    throw new Error("receive failed");
  }, noop);
  assert.equal(errors, ["receive failed", "receive failed"]);
});

test("an inner app that throws synchronously: callNext throws its error", async () => {
  const inner = ((() => {
    throw new TypeError("not even a promise");
  }) as unknown) as ASGIApp;
  const app = new BaseHTTPMiddleware(inner, (r, n) => n(r));
  const error = await rejects(app.call({ type: "http", method: "GET", path: "/", headers: [] }, async () => ({ type: "http.disconnect" }), async () => undefined));
  assert.instance(error, TypeError);
  assert.is(error.message, "not even a promise");
});

test("empty body chunks from the inner app are skipped on the way out", async () => {
  const sent: Message[] = [];
  const endpoint: ASGIApp = async (_scope, _receive, send) => {
    await send({ type: "http.response.start", status: 200, headers: [] });
    await new Promise((resolve) => setImmediate(resolve)); // the response is piping by now
    await send({ type: "http.response.body", body: new Uint8Array(0), more_body: true });
    await send({ type: "http.response.body", body: encoder.encode("x"), more_body: true });
    await send({ type: "http.response.body", body: new Uint8Array(0), more_body: false });
  };
  const app = new BaseHTTPMiddleware(endpoint, (r, n) => n(r));
  await app.call({ type: "http", method: "GET", path: "/", headers: [] }, async () => ({ type: "http.disconnect" }), async (m) => void sent.push(m));
  assert.equal(sent.map((m) => [m.type, text(m.body as Uint8Array | undefined), m.more_body]), [
    ["http.response.start", "", undefined],
    ["http.response.body", "x", true],
    ["http.response.body", "", false],
  ]);
});

test("an unexpected message from the inner app while the body is piped is the response's error", async () => {
  const endpoint: ASGIApp = async (_scope, _receive, send) => {
    await send({ type: "http.response.start", status: 200, headers: [] });
    await new Promise((resolve) => setImmediate(resolve)); // the response is piping by now
    await send({ type: "http.response.trailers", headers: [], more_trailers: false });
  };
  const app = new BaseHTTPMiddleware(endpoint, (r, n) => n(r));
  const error = await rejects(app.call({ type: "http", method: "GET", path: "/", headers: [] }, async () => ({ type: "http.disconnect" }), async () => undefined));
  assert.is(error.message, "Unexpected message: http.response.trailers");
});

test("non-http scopes pass straight through; dispatch never runs", async () => {
  let dispatched = false;
  let inner = "";
  const app = new BaseHTTPMiddleware(async (scope) => void (inner = scope.type), async (r, n) => ((dispatched = true), n(r)));
  await app.call({ type: "lifespan" }, async () => ({ type: "lifespan.startup" }), async () => undefined);
  assert.is(inner, "lifespan");
  assert.not.ok(dispatched);
});

test("a BaseHTTPMiddleware without dispatch says what is missing", async () => {
  const app = new App({ middleware: [new Middleware(BaseHTTPMiddleware)] });
  {
    const e = await rejects(new TestClient(app).get("/"));
    assert.match(e.message, /needs a dispatch function/);
  }
});

test("an error after the response started is re-thrown once the response is finished", async () => {
  const app = new App({ routes: [new Route("/", () => new StreamingResponse(faultyStream()))], middleware: [new Middleware(CustomMiddleware)] });
  const client = new TestClient(app, { raiseServerExceptions: false });
  const response = await client.get("/");
  assert.is(response.statusCode, 200);
  assert.is(response.text, "Ok");
  assert.equal(response.messages.map((m) => [m.type, text(m.body), m.more_body]).slice(-1), [["http.response.body", "", false]]);
});

test("the inner response's headers are the very list callNext returns", async () => {
  const app = new App({
    routes: [new Route("/", () => new PlainTextResponse("x", { headers: { "x-a": "1" } }))],
    middleware: [
      new Middleware(BaseHTTPMiddleware, async (r: Request, n: CallNext) => {
        const response = await n(r);
        response.headers.delete("x-a");
        response.headers.append("x-b", "2");
        return response;
      }),
    ],
  });
  const response = await new TestClient(app).get("/");
  assert.is(response.headers.get("x-a"), null);
  assert.is(response.headers.get("x-b"), "2");
});

test("the client disconnecting mid-body reaches the inner app as http.disconnect", async () => {
  let seen: unknown;
  const endpoint = async (request: Request) => {
    seen = await request.body().catch((e: unknown) => e);
    return new Response();
  };
  const app = new App({ routes: [new Route("/", endpoint, { methods: ["POST"] })], middleware: [new Middleware(BaseHTTPMiddleware, (r: Request, n: CallNext) => n(r))] });
  const messages: Message[] = [{ type: "http.request", body: encoder.encode("a"), more_body: true }, { type: "http.disconnect" }];
  await app.call({ type: "http", method: "POST", path: "/", headers: [] }, async () => messages.shift() as Message, async () => undefined);
  assert.instance(seen, ClientDisconnect);
});

const httpScope = (): Scope => ({ type: "http", method: "GET", path: "/", headers: [] });
const noReceive: Receive = async () => ({ type: "http.disconnect" });
const bodies = (sent: Message[]) => sent.map((m) => (m.type === "http.response.start" ? `start ${m.status as number}` : `${text(m.body as Uint8Array)}${m.more_body ? "+" : "."}`));

test("dispatch reading the body iterator waits for an inner app that sends slowly, and sees its end", async () => {
  const tick = () => new Promise((resolve) => setTimeout(resolve, 2));
  const inner: ASGIApp = async (_scope, _receive, send) => {
    await send({ type: "http.response.start", status: 200, headers: [] });
    await tick();
    await send({ type: "http.response.body", body: encoder.encode("a"), more_body: true });
    await tick();
    await send({ type: "http.response.body", body: encoder.encode("b"), more_body: true });
    await tick(); // then returns without a last body message
  };
  const seen: string[] = [];
  const app = new BaseHTTPMiddleware(inner, async (request, callNext) => {
    const response = (await callNext(request)) as Streamed;
    const original = response.bodyIterator;
    response.bodyIterator = (async function* () {
      for await (const chunk of original) {
        seen.push(text(chunk as Uint8Array));
        yield chunk as Uint8Array;
      }
    })();
    return response;
  });
  const sent: Message[] = [];
  await app.call(httpScope(), noReceive, async (m) => void sent.push(m));
  assert.equal(seen, ["a", "b"]);
  assert.equal(bodies(sent), ["start 200", "a+", "b+", "."]);
});

test("an inner app that sends without waiting for its sends: every message goes out, in order", async () => {
  const inner: ASGIApp = async (_scope, _receive, send) => {
    void send({ type: "http.response.start", status: 200, headers: [] });
    void send({ type: "http.response.body", body: encoder.encode("a"), more_body: true });
    void send({ type: "http.response.body", body: encoder.encode("b"), more_body: true });
    await send({ type: "http.response.body", body: encoder.encode("c"), more_body: false });
  };
  const sent: Message[] = [];
  const slowSend: Send = async (m) => {
    await new Promise((resolve) => setImmediate(resolve)); // each message takes a turn to leave
    sent.push(m);
  };
  await new BaseHTTPMiddleware(inner, (r, n) => n(r)).call(httpScope(), noReceive, slowSend);
  assert.equal(bodies(sent), ["start 200", "a+", "b+", "c+", "."]);
});

for (const [which, breaks] of [
  ["the start", (m: Message) => m.type === "http.response.start"],
  ["a body chunk", (m: Message) => m.type === "http.response.body" && m.more_body === true],
  ["the end of the body", (m: Message) => m.type === "http.response.body" && !m.more_body],
] as const) {
  test(`a send that throws synchronously on ${which}: the middleware fails with its error, and the inner app is let go`, async () => {
    let innerDone = false;
    const inner: ASGIApp = async (_scope, _receive, send) => {
      await send({ type: "http.response.start", status: 200, headers: [] });
      await send({ type: "http.response.body", body: encoder.encode("x"), more_body: false });
      innerDone = true;
    };
    const send = ((m: Message) => {
      if (breaks(m)) throw new RangeError(`cannot send ${m.type}`);
      return Promise.resolve();
    }) as Send;
    const error = await rejects(new BaseHTTPMiddleware(inner, (r, n) => n(r)).call(httpScope(), noReceive, send));
    assert.instance(error, RangeError);
    await new Promise((resolve) => setImmediate(resolve));
    assert.ok(innerDone);
  });
}

test("a dispatch that returns nothing is a TypeError, and the next request is served", async () => {
  const app = new App({ routes: [new Route("/", () => new PlainTextResponse("ok"))] });
  let broken = true;
  app.middleware("http")((async (request: Request, callNext: CallNext) => {
    const response = await callNext(request);
    if (!broken) return response;
  }) as unknown as DispatchFunction);
  assert.instance(await rejects(new TestClient(app).get("/")), TypeError);
  const client = new TestClient(app, { raiseServerExceptions: false });
  assert.is((await client.get("/")).statusCode, 500);
  broken = false;
  assert.is((await client.get("/")).text, "ok");
});

test("a response of dispatch's own can wrap the one callNext gave: its call() streams the inner body", async () => {
  class Logged extends Response {
    constructor(private readonly inner: Response, private readonly log: string[]) {
      super();
    }
    override async call(scope: Scope, receive: Receive, send: Send): Promise<void> {
      await this.inner.call(scope, receive, send);
      this.log.push("sent");
    }
  }
  const log: string[] = [];
  const app = new App({ routes: [new Route("/", () => new PlainTextResponse("inner"))] });
  app.middleware("http")(async (request, callNext) => new Logged(await callNext(request), log));
  const response = await new TestClient(app).get("/");
  assert.is(response.text, "inner");
  assert.equal(log, ["sent"]);
});

test("a message the inner app sends after its last body is dropped, and its send still returns", async () => {
  let extraSent = false;
  const inner: ASGIApp = async (_scope, _receive, send) => {
    await send({ type: "http.response.start", status: 200, headers: [] });
    await new Promise((resolve) => setImmediate(resolve)); // the response is piping by now
    void send({ type: "http.response.body", body: encoder.encode("x"), more_body: false });
    await send({ type: "http.response.body", body: encoder.encode("late"), more_body: false });
    extraSent = true;
  };
  const sent: Message[] = [];
  await new BaseHTTPMiddleware(inner, (r, n) => n(r)).call(httpScope(), noReceive, async (m) => void sent.push(m));
  assert.equal(bodies(sent), ["start 200", "x+", "."]);
  assert.ok(extraSent);
});

test("two stacked middlewares over a slow stream: the body passes both; an outer response of its own drops the inner one's body", async () => {
  let finished = 0;
  const slow = async function* () {
    for (const part of ["a", "b", "c"]) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      yield part;
    }
    finished++;
  };
  const build = (outer: DispatchFunction) => {
    const app = new App({ routes: [new Route("/", () => new StreamingResponse(slow()))] });
    app.middleware("http")((request, callNext) => callNext(request));
    app.middleware("http")(outer);
    return app;
  };
  const through = await new TestClient(build((request, callNext) => callNext(request))).get("/");
  assert.is(through.text, "abc");
  const replaced = await new TestClient(
    build(async (request, callNext) => {
      await callNext(request);
      return new PlainTextResponse("Custom");
    }),
  ).get("/");
  assert.is(replaced.text, "Custom");
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.is(finished, 2);
});

test("stacked middlewares: one whose subclass has its own call() still has it called; errors of the one inside reach the one outside", async () => {
  const log: string[] = [];
  class Logged extends BaseHTTPMiddleware {
    override call(scope: Scope, receive: Receive, send: Send): Promise<void> {
      log.push(`call ${scope.path as string}`);
      return super.call(scope, receive, send);
    }
  }
  const app = new App({ routes: [new Route("/", () => new PlainTextResponse("ok"))] });
  app.addMiddleware(Logged, (request: Request, callNext: CallNext) => callNext(request));
  app.middleware("http")((request, callNext) => callNext(request));
  assert.is((await new TestClient(app).get("/")).text, "ok");
  assert.equal(log, ["call /"]);

  const failing = new App({ routes: [new Route("/", () => new PlainTextResponse("ok"))] });
  failing.middleware("http")(() => {
    throw new RangeError("inner dispatch");
  });
  let caught: unknown;
  failing.middleware("http")(async (request, callNext) => {
    try {
      return await callNext(request);
    } catch (exc) {
      caught = exc;
      return new PlainTextResponse("handled", { statusCode: 500 });
    }
  });
  const response = await new TestClient(failing, { raiseServerExceptions: false }).get("/");
  assert.is(response.text, "handled");
  assert.instance(caught, RangeError);
});

test("callNext three times: each inner layer finishes, and the last response is the one sent", async () => {
  let calls = 0;
  const app = new App({ routes: [new Route("/", () => new PlainTextResponse(`call ${++calls}`))] });
  const finished: string[] = [];
  class Inner extends BaseHTTPMiddleware {
    override call(scope: Scope, receive: Receive, send: Send): Promise<void> {
      return super.call(scope, receive, send);
    }
  }
  // A layer run by the one outside it (no call of its own), and one that is not: both kinds of inner cycle.
  app.middleware("http")((request, callNext) => callNext(request));
  app.addMiddleware(Inner, (request: Request, callNext: CallNext) => callNext(request));
  app.middleware("http")((request, callNext) => callNext(request));
  app.middleware("http")(async (request, callNext) => {
    const bodies: string[] = [];
    for (let i = 0; i < 2; i++) {
      let body = "";
      for await (const chunk of (await callNext(request)).bodyIterator) body += text(chunk as Uint8Array);
      bodies.push(body);
    }
    const last = await callNext(request);
    last.headers.set("x-before", bodies.join(", "));
    last.background = new BackgroundTask(() => void finished.push("background"));
    return last;
  });
  const response = await new TestClient(app).get("/");
  assert.is(response.text, "call 3");
  assert.is(response.headers.get("x-before"), "call 1, call 2");
  assert.equal(finished, ["background"]);
});

test("a layer run by the one outside it reads the body through that layer's receive", async () => {
  const app = new App({
    routes: [new Route("/", async (request: Request) => new PlainTextResponse(`endpoint ${text(await request.body())}`), { methods: ["POST"] })],
  });
  const seen: string[] = [];
  app.middleware("http")(async (request, callNext) => {
    seen.push(`inner ${text(await request.body())}`);
    return callNext(request);
  });
  app.middleware("http")((request, callNext) => callNext(request));
  const response = await new TestClient(app).post("/", { content: "data" });
  assert.is(response.text, "endpoint data");
  assert.equal(seen, ["inner data"]);
});

test("three layers, each run by the one outside: chunks go out in order, and each send of the inner app waits for its chunk to leave", async () => {
  const log: string[] = [];
  const inner: ASGIApp = async (_scope, _receive, send) => {
    await send({ type: "http.response.start", status: 200, headers: [] });
    for (const part of ["a", "", "b", "c"]) {
      await send({ type: "http.response.body", body: encoder.encode(part), more_body: true });
      log.push(`sent ${part || "(empty)"}`);
    }
    await send({ type: "http.response.body", body: encoder.encode("d"), more_body: false });
    log.push("sent d");
  };
  let app = inner;
  for (let i = 0; i < 3; i++) app = asASGIApp(new BaseHTTPMiddleware(app, (r, n) => n(r)));
  const slowSend: Send = async (m) => {
    await new Promise((resolve) => setImmediate(resolve)); // each message takes a turn to leave
    log.push(`out ${bodies([m])[0]}`);
  };
  await app(httpScope(), noReceive, slowSend);
  assert.equal(log, ["out start 200", "out a+", "sent a", "sent (empty)", "out b+", "sent b", "out c+", "sent c", "out d+", "out .", "sent d"]);
});

test("three stacked layers: a body message without a body is skipped and a pathsend still ends the response, once every layer streams", async () => {
  const tick = () => new Promise((resolve) => setTimeout(resolve, 2));
  let returned = false;
  const inner: ASGIApp = async (_scope, _receive, send) => {
    await send({ type: "http.response.start", status: 200, headers: [] });
    await tick(); // every layer's response is streaming by now
    await send({ type: "http.response.body", more_body: true });
    await send({ type: "http.response.body", body: encoder.encode("a"), more_body: true });
    await send({ type: "http.response.pathsend", path: "/tmp/x" });
    returned = true;
  };
  let app = inner;
  for (let i = 0; i < 3; i++) app = asASGIApp(new BaseHTTPMiddleware(app, (r, n) => n(r)));
  const sent: Message[] = [];
  await app(httpScope(), noReceive, async (m) => void sent.push(m));
  assert.equal(sent.map((m) => (m.type === "http.response.pathsend" ? "pathsend" : bodies([m])[0])), ["start 200", "a+", "pathsend"]);
  assert.ok(returned);
});

test("a layer whose body iterator was replaced, inside two others: empty chunks are skipped and a last message with data is split, as Starlette re-chunks it", async () => {
  const tick = () => new Promise((resolve) => setTimeout(resolve, 2));
  const endpoint: ASGIApp = async (_scope, _receive, send) => {
    await send({ type: "http.response.start", status: 200, headers: [] });
    await send({ type: "http.response.body", body: encoder.encode("ignored"), more_body: false });
  };
  const rewrite = asASGIApp(
    new BaseHTTPMiddleware(endpoint, async (request, callNext) => {
      const response = await callNext(request);
      response.bodyIterator = (async function* () {
        await tick(); // the layer outside streams by now
        yield "";
        yield "x";
        yield { type: "http.response.body", body: encoder.encode("y"), more_body: false };
      })();
      return response;
    }),
  );
  // Two layers outside it: the one in the middle streams with a layer outside it too.
  let app = rewrite;
  for (let i = 0; i < 2; i++) app = asASGIApp(new BaseHTTPMiddleware(app, (r, n) => n(r)));
  const sent: Message[] = [];
  await app(httpScope(), noReceive, async (m) => void sent.push(m));
  assert.equal(bodies(sent), ["start 200", "x+", "y+", "."]);
});

test("stacked layers send copies of the app's body messages, as Starlette builds new ones: what a middleware outside changes is not the app's", async () => {
  const tick = () => new Promise((resolve) => setTimeout(resolve, 2));
  const own: Message[] = [];
  const endpoint: ASGIApp = async (_scope, _receive, send) => {
    await send({ type: "http.response.start", status: 200, headers: [] });
    await tick(); // every layer streams by now
    for (const message of [
      { type: "http.response.body", body: encoder.encode("a"), more_body: true },
      { type: "http.response.body", body: new Uint8Array(0), more_body: false },
    ]) {
      own.push(message);
      await send(message);
    }
  };
  let app = endpoint;
  for (let i = 0; i < 3; i++) app = asASGIApp(new BaseHTTPMiddleware(app, (r, n) => n(r)));
  const sent: Message[] = [];
  await app(httpScope(), noReceive, async (m) => void sent.push(m));
  assert.equal(bodies(sent), ["start 200", "a+", "."]);
  assert.ok(sent.every((m) => !own.includes(m)));
});

test.run();
