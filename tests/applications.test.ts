// Port of tests/test_applications.py (the parts that apply: routing through the
// app, errors, debug, middleware order and the lazily built stack), plus
// FastAPI's decorators.
import { AssertionError } from "node:assert";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { App } from "../src/applications.js";
import { HTTPException } from "../src/exceptions.js";
import { BaseHTTPMiddleware, type CallNext } from "../src/middleware/base.js";
import { Middleware } from "../src/middleware/index.js";
import { SessionMiddleware } from "../src/middleware/sessions.js";
import type { Request } from "../src/requests.js";
import { JSONResponse, PlainTextResponse } from "../src/responses.js";
import { Mount, Route, Router } from "../src/routing.js";
import { TestClient } from "../src/testclient.js";
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

test.run();
