// Port of tests/test_applications.py (the parts that apply: routing through the
// app, websocket routes and their errors, debug, middleware order and the lazily built stack), plus
// FastAPI's decorators.
import { AssertionError } from "node:assert";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { App } from "../src/applications.js";
import { HTTPException, WebSocketException } from "../src/exceptions.js";
import { BaseHTTPMiddleware, type CallNext } from "../src/middleware/base.js";
import { Middleware } from "../src/middleware/index.js";
import { SessionMiddleware } from "../src/middleware/sessions.js";
import type { Request } from "../src/requests.js";
import { JSONResponse, PlainTextResponse } from "../src/responses.js";
import { Mount, Route, Router, WebSocketRoute } from "../src/routing.js";
import { TestClient, WebSocketDenialResponse } from "../src/testclient.js";
import { WebSocket, WebSocketDisconnect } from "../src/websockets.js";
import type { ASGIApp, Receive, Scope, Send } from "../src/types.js";
import { rejects } from "./helpers.js";

/** A pure ASGI middleware that records its argument on each request. */
function recorder(log: string[]) {
  return class MiddlewareWithArgs {
    constructor(
      readonly app: ASGIApp,
      readonly arg: string,
    ) {}
    async call(scope: Scope, receive: Receive, send: Send) {
      if (scope.type === "http") log.push(this.arg);
      await this.app(scope, receive, send);
    }
  };
}

test("test_middleware_args: the last added runs first", async () => {
  const calls: string[] = [];
  const app = new App();
  const Cls = recorder(calls);
  app.addMiddleware(Cls, "foo");
  app.addMiddleware(Cls, "bar");
  await new TestClient(app).get("/");
  assert.equal(calls, ["bar", "foo"]);
});

test("constructor list first = outermost; addMiddleware goes outside it (D, C, A, B)", async () => {
  const calls: string[] = [];
  const Cls = recorder(calls);
  const app = new App({ middleware: [new Middleware(Cls, "A"), new Middleware(Cls, "B")] });
  app.addMiddleware(Cls, "C");
  app.addMiddleware(Cls, "D");
  await new TestClient(app).get("/");
  assert.equal(calls, ["D", "C", "A", "B"]);
  assert.equal(app.middlewareOrder(), ["ServerErrorMiddleware", "MiddlewareWithArgs", "MiddlewareWithArgs", "MiddlewareWithArgs", "MiddlewareWithArgs", "ExceptionMiddleware", "Router"]);
});

test("test_middleware_factory: a plain function works as a middleware class", async () => {
  const calls: string[] = [];
  function factory(app: ASGIApp, arg: string): ASGIApp {
    return async (scope, receive, send) => {
      calls.push(arg);
      await app(scope, receive, send);
    };
  }
  const app = new App({ middleware: [new Middleware(factory, "outer")] });
  app.addMiddleware(factory, "outermost");
  await new TestClient(app, { raiseServerExceptions: false }).get("/");
  assert.equal(calls, ["outermost", "outer"]);
});

test("test_middleware_stack_init: each middleware is built once per app", async () => {
  let built = 0;
  class Counting {
    constructor(readonly app: ASGIApp) {
      built++;
    }
    call(scope: Scope, receive: Receive, send: Send) {
      return this.app(scope, receive, send);
    }
  }
  const app = new App({ middleware: [new Middleware(Counting)] });
  await new TestClient(app, { raiseServerExceptions: false }).get("/");
  await new TestClient(app).run(async (c) => void (await c.get("/").catch(() => undefined)));
  await new TestClient(app, { raiseServerExceptions: false }).get("/");
  assert.is(built, 1);
});

test("addMiddleware after the first call throws Starlette's error", async () => {
  const app = new App();
  await new TestClient(app, { raiseServerExceptions: false }).get("/");
  assert.throws(() => app.addMiddleware(recorder([]), "x"), (e: Error) => e.message === "Cannot add middleware after an application has started");
});

test("lifespan alone builds the stack too", async () => {
  const app = new App();
  await new TestClient(app).run(async () => undefined);
  assert.ok(app.middlewareStack !== null);
  assert.throws(() => app.addMiddleware(recorder([]), "x"), /Cannot add middleware after an application has started/);
});

test('app.middleware("http") registers a BaseHTTPMiddleware as the new outermost, returning the function', async () => {
  const order: string[] = [];
  const app = new App();
  app.get("/")(() => (order.push("endpoint"), "ok"));
  const first = async (request: Request, callNext: CallNext) => (order.push("first"), callNext(request));
  const second = async (request: Request, callNext: CallNext) => (order.push("second"), callNext(request));
  assert.is(app.middleware("http")(first), first);
  assert.is(app.middleware("http")(second), second);
  await new TestClient(app).get("/");
  assert.equal(order, ["second", "first", "endpoint"]);
  assert.equal(app.middlewareOrder(), ["ServerErrorMiddleware", "BaseHTTPMiddleware(second)", "BaseHTTPMiddleware(first)", "ExceptionMiddleware", "Router"]);
  assert.is(app.userMiddleware[0].cls, BaseHTTPMiddleware);
});

test("middlewareOrder() names anonymous middleware <anonymous>", () => {
  const app = new App();
  app.middleware("http")(async (request, callNext) => callNext(request));
  app.addMiddleware((inner: ASGIApp) => inner);
  app.addMiddleware(BaseHTTPMiddleware);
  assert.equal(app.middlewareOrder(), ["ServerErrorMiddleware", "BaseHTTPMiddleware", "<anonymous>", "BaseHTTPMiddleware(<anonymous>)", "ExceptionMiddleware", "Router"]);
});

test('app.middleware("websocket") fails with Starlette\'s message', () => {
  assert.throws(() => new App().middleware("websocket"), (e: Error) => e instanceof AssertionError && e.message === 'Currently only middleware("http") is supported.');
});

test("FastAPI's X-Process-Time example", async () => {
  const app = new App();
  app.middleware("http")(async (request, callNext) => {
    const start = performance.now();
    const response = await callNext(request);
    response.headers.set("X-Process-Time", String((performance.now() - start) / 1000));
    return response;
  });
  app.get("/")(() => ({ ok: true }));
  const response = await new TestClient(app).get("/");
  assert.ok(Number(response.headers.get("x-process-time")) >= 0);
  assert.equal(response.json(), { ok: true });
});

test("route decorators: app.get(path)(handler) and app.get(path, handler), for every method", async () => {
  const app = new App();
  const handler = (request: Request) => ({ method: request.method });
  assert.is(app.get("/a")(handler), handler);
  assert.is(app.get("/b", handler), handler);
  for (const m of ["post", "put", "patch", "delete", "options"] as const) app[m]("/m", handler);
  app.head("/h", () => new PlainTextResponse(""));
  app.route("/r", { methods: ["GET", "POST"] })(handler);
  const client = new TestClient(app);
  assert.equal((await client.get("/a")).json(), { method: "GET" });
  assert.equal((await client.get("/b")).json(), { method: "GET" });
  for (const m of ["post", "put", "patch", "delete", "options"] as const) assert.equal((await client[m]("/m")).json(), { method: m.toUpperCase() });
  assert.is((await client.head("/h")).statusCode, 200);
  assert.equal((await client.post("/r")).json(), { method: "POST" });
  assert.is((await client.get("/m")).statusCode, 405);
});

test("handlers may be sync or async and may return plain values (FastAPI) or Responses", async () => {
  const app = new App();
  app.get("/sync", () => ({ a: 1 }));
  app.get("/async", async () => [1, "two", null]);
  app.get("/none", () => undefined);
  app.get("/response", () => new PlainTextResponse("plain", { statusCode: 201 }));
  const client = new TestClient(app);
  assert.is((await client.get("/sync")).text, '{"a":1}');
  assert.is((await client.get("/async")).text, '[1,"two",null]');
  assert.is((await client.get("/none")).text, "null");
  const response = await client.get("/response");
  assert.is(response.statusCode, 201);
  assert.is(response.headers.get("content-type"), "text/plain; charset=utf-8");
});

test("test_500: the default error response, and the error re-thrown to the test", async () => {
  const app = new App();
  app.get("/")(() => {
    throw new Error("boom");
  });
  {
    const e = await rejects(new TestClient(app).get("/"));
    assert.is(e.message, "boom");
  }
  const response = await new TestClient(app, { raiseServerExceptions: false }).get("/");
  assert.is(response.statusCode, 500);
  assert.is(response.text, "Internal Server Error");
  assert.equal(response.headers.items(), [["content-length", "21"], ["content-type", "text/plain; charset=utf-8"]]);
});

test("test_app_debug: the traceback in the 500", async () => {
  const app = new App({ debug: true });
  app.get("/")(() => {
    throw new Error("Something went wrong");
  });
  const client = new TestClient(app, { raiseServerExceptions: false });
  const response = await client.get("/");
  assert.is(response.statusCode, 500);
  assert.match(response.text, /Error: Something went wrong/);
  const html = await client.get("/", { headers: { accept: "text/html" } });
  assert.is(html.headers.get("content-type"), "text/html; charset=utf-8");
  assert.match(html.text, /<title>Starlette Debugger<\/title>/);
  assert.match(html.text, /500 Server Error/);
});

test("exception handlers by status code and by error class, most specific first", async () => {
  class AppError extends Error {}
  class NotFoundish extends AppError {}
  const app = new App({
    exceptionHandlers: [
      [404, (_r, e) => new JSONResponse({ detail: (e as HTTPException).detail }, { statusCode: 404 })],
      [AppError, () => new PlainTextResponse("app error", { statusCode: 409 })],
      [500, () => new PlainTextResponse("custom 500", { statusCode: 500 })],
    ],
  });
  app.exceptionHandler(NotFoundish)(() => new PlainTextResponse("specific", { statusCode: 410 }));
  app.get("/app-error")(() => {
    throw new AppError("x");
  });
  app.get("/specific")(() => {
    throw new NotFoundish("x");
  });
  app.get("/crash")(() => {
    throw new TypeError("x");
  });
  const client = new TestClient(app, { raiseServerExceptions: false });
  assert.equal((await client.get("/missing")).json(), { detail: "Not Found" });
  assert.is((await client.get("/app-error")).statusCode, 409);
  assert.is((await client.get("/specific")).text, "specific");
  const crash = await client.get("/crash");
  assert.is(crash.statusCode, 500);
  assert.is(crash.text, "custom 500");
});

test("an Error handler goes to ServerErrorMiddleware, as Exception does in Python", async () => {
  const app = new App({ exceptionHandlers: new Map([[Error, () => new PlainTextResponse("handled", { statusCode: 503 })]]) });
  app.get("/")(() => {
    throw new Error("x");
  });
  const response = await new TestClient(app, { raiseServerExceptions: false }).get("/");
  assert.is(response.statusCode, 503);
});

test("mount a sub-app and a Router; routes and urlPathFor", async () => {
  const sub = new App();
  sub.get("/users/{id:int}", (r: Request) => ({ id: r.pathParams.id, root: r.scope.root_path }));
  const app = new App({ routes: [new Mount("/api", { app: sub }), new Mount("/r", { app: new Router({ routes: [new Route("/x", () => "x", { name: "x" })] }), name: "r" })] });
  const client = new TestClient(app);
  assert.equal((await client.get("/api/users/3")).json(), { id: 3, root: "/api" });
  assert.is((await client.get("/r/x")).text, '"x"');
  assert.is(app.urlPathFor("r:x"), "/r/x");
  assert.is(app.routes.length, 2);
  app.mount("/late", sub);
  assert.is(app.routes.length, 3);
});

test("lifespan: startup state reaches requests; shutdown runs", async () => {
  const events: string[] = [];
  const app = new App({
    lifespan: async function* () {
      events.push("startup");
      yield { db: "connected" };
      events.push("shutdown");
    },
  });
  app.get("/")((r: Request) => ({ db: r.state.db }));
  await new TestClient(app).run(async (client) => {
    assert.equal((await client.get("/")).json(), { db: "connected" });
  });
  assert.equal(events, ["startup", "shutdown"]);
});

test("a lifespan that fails at startup reaches the test", async () => {
  const app = new App({
    lifespan: async function* () {
      throw new Error("no database");
    },
  });
  {
    const e = await rejects(new TestClient(app).enter());
    assert.is(e.message, "no database");
  }
});

test("SessionMiddleware options are type-checked by addMiddleware, and checked again when the stack is built", async () => {
  const app = new App();
  // @ts-expect-error secret_key is Python's spelling; the option is secretKey
  app.addMiddleware(SessionMiddleware, { secret_key: "k" });
  {
    const e = await rejects(new TestClient(app).get("/"));
    assert.is(e.message, 'SessionMiddleware got an unexpected option "secret_key"; did you mean "secretKey"?');
  }
});

// ---------------------------------------------------------------- websockets (test_applications.py's app)

async function websocket_endpoint(session: WebSocket): Promise<void> {
  await session.accept();
  await session.sendText("Hello, world!");
  await session.close();
}

async function websocketRaiseWebsocketException(websocket: WebSocket): Promise<void> {
  await websocket.accept();
  throw new WebSocketException(1003); // status.WS_1003_UNSUPPORTED_DATA
}

async function websocketRaiseHttpException(): Promise<void> {
  throw new HTTPException(401, "Unauthorized");
}

class CustomWSException extends Error {}

async function websocketRaiseCustom(websocket: WebSocket): Promise<void> {
  await websocket.accept();
  throw new CustomWSException();
}

async function websocketState(websocket: WebSocket): Promise<void> {
  await websocket.accept();
  await websocket.sendJson({ count: (websocket.state as { count: number }).count });
  await websocket.close();
}

function wsApp(): App {
  const app = new App({
    routes: [
      new WebSocketRoute("/ws", websocket_endpoint),
      new WebSocketRoute("/ws-raise-websocket", websocketRaiseWebsocketException),
      new WebSocketRoute("/ws-raise-http", websocketRaiseHttpException),
      new WebSocketRoute("/ws-raise-custom", websocketRaiseCustom),
      new WebSocketRoute("/ws-state", websocketState),
    ],
    lifespan: async function* () {
      yield { count: 1 };
    },
  });
  app.addExceptionHandler(HTTPException, (_request: Request, exc) => new JSONResponse({ detail: exc.detail }, { statusCode: exc.statusCode, headers: exc.headers ?? undefined }));
  app.addExceptionHandler(CustomWSException, async (websocket: WebSocket) => {
    await websocket.close(1013); // status.WS_1013_TRY_AGAIN_LATER
  });
  return app;
}

/** Starlette's `client` fixture: `with test_client_factory(app) as client` runs the lifespan. */
async function withClient(body: (client: TestClient) => Promise<void>): Promise<void> {
  const client = new TestClient(wsApp());
  await client.run(body);
}

test("test_websocket_route", () =>
  withClient(async (client) => {
    await using session = await client.websocketConnect("/ws");
    assert.is(await session.receiveText(), "Hello, world!");
  }));

test("test_websocket_raise_websocket_exception", () =>
  withClient(async (client) => {
    await using session = await client.websocketConnect("/ws-raise-websocket");
    assert.equal(await session.receive(), { type: "websocket.close", code: 1003, reason: "" });
  }));

test("test_websocket_state", () =>
  withClient(async (client) => {
    await using session = await client.websocketConnect("/ws-state");
    assert.equal(await session.receiveJson(), { count: 1 });
  }));

test("test_websocket_raise_http_exception", () =>
  withClient(async (client) => {
    const exc = await rejects(client.websocketConnect("/ws-raise-http"));
    assert.instance(exc, WebSocketDenialResponse);
    assert.is((exc as WebSocketDenialResponse).statusCode, 401);
    assert.is(Buffer.from((exc as WebSocketDenialResponse).content).toString(), '{"detail":"Unauthorized"}');
  }));

test("test_websocket_raise_custom_exception", () =>
  withClient(async (client) => {
    await using session = await client.websocketConnect("/ws-raise-custom");
    assert.equal(await session.receive(), { type: "websocket.close", code: 1013, reason: "" });
  }));

test("test_app_add_websocket_route", async () => {
  async function websocketEndpoint(session: WebSocket): Promise<void> {
    await session.accept();
    await session.sendText("Hello, world!");
    await session.close();
  }
  const app = new App({ routes: [new WebSocketRoute("/ws", websocketEndpoint)] });
  await using session = await new TestClient(app).websocketConnect("/ws");
  assert.is(await session.receiveText(), "Hello, world!");
});

test("app.websocket(path)(handler), app.websocket(path, handler), app.websocketRoute with a handler, an ASGI object or as a decorator", async () => {
  const app = new App();
  const hello = (text: string) => async (websocket: WebSocket) => {
    await websocket.accept();
    await websocket.sendText(text);
    await websocket.close();
  };
  const a = hello("a");
  assert.is(app.websocket("/a")(a), a);
  const b = hello("b");
  assert.is(app.websocket("/b", b, { name: "bee" }), b);
  app.websocket("/c", { name: "sea" })(hello("c"));
  app.websocketRoute("/d", hello("d"));
  const asgi = { call: (scope: Scope, receive: Receive, send: Send) => hello("e")(new WebSocket(scope, receive, send)) };
  assert.is(app.websocketRoute("/e", asgi, { name: "e" }), asgi);
  app.websocketRoute("/f", { name: "f" })(hello("f"));
  const client = new TestClient(app);
  for (const name of ["a", "b", "c", "d", "e", "f"]) {
    await using session = await client.websocketConnect(`/${name}`);
    assert.is(await session.receiveText(), name);
  }
  assert.equal([app.urlPathFor("bee"), app.urlPathFor("sea"), app.urlPathFor("e"), app.urlPathFor("f")], ["/b", "/c", "/e", "/f"]);
  assert.is(String(app.resolveUrlPath("bee").makeAbsoluteUrl("https://example.org")), "wss://example.org/b");
  // An unknown path is closed before accept: the client sees the handshake refused.
  assert.instance(await rejects(client.websocketConnect("/nope")), WebSocketDisconnect);
});

test('BaseHTTPMiddleware and app.middleware("http") pass websocket scopes through untouched', async () => {
  const seen: string[] = [];
  const app = new App({
    middleware: [
      new Middleware(BaseHTTPMiddleware, async (request: Request, callNext: CallNext) => {
        seen.push(`base ${request.url.path}`);
        return callNext(request);
      }),
    ],
  });
  app.middleware("http")(async (request: Request, callNext: CallNext) => {
    seen.push(`decorated ${request.url.path}`);
    const response = await callNext(request);
    response.headers.set("x-seen", "1");
    return response;
  });
  let scopeSeen: Scope | null = null;
  app.get("/", () => "ok");
  app.websocket("/ws", async (websocket: WebSocket) => {
    scopeSeen = websocket.scope;
    await websocket.accept({ headers: [["x-accept", "1"]] });
    await websocket.sendText(await websocket.receiveText());
    await websocket.close(4000, "done");
  });
  const client = new TestClient(app);
  await client.websocketConnect("/ws", { subprotocols: ["p"] }, async (websocket) => {
    websocket.sendText("echo");
    assert.is(await websocket.receiveText(), "echo");
    assert.equal(await websocket.receive(), { type: "websocket.close", code: 4000, reason: "done" });
    assert.equal(websocket.extraHeaders, [["x-accept", "1"]]);
  });
  assert.equal(seen, []);
  assert.is((scopeSeen as Scope | null)?.type, "websocket");
  assert.equal((scopeSeen as unknown as Scope).subprotocols, ["p"]);
  const response = await client.get("/");
  assert.is(response.headers.get("x-seen"), "1");
  assert.equal(seen, ["decorated /", "base /"]);
});

test.run();
