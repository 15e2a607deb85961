// Ports of FastAPI's tests/test_ws_router.py, tests/test_ws_dependencies.py and
// tests/test_tutorial/test_websockets/* (the samples are examples/websockets/*.ts), then a
// differential check: the TS twin of tests/python/fastapi_apps/_websockets.py and the real
// FastAPI (in process, Starlette's TestClient) run the same client scripts
// (tests/fastapi/websockets_script.ts) and must see the same messages, closes and denials.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as z from "zod";
import {
  APIRouter,
  APIWebSocketRoute,
  Cookie,
  Depends,
  FastAPI,
  Header,
  HTTPConnection,
  HTTPException,
  Path,
  Query,
  Request,
  Security,
  SecurityScopes,
  WebSocket,
  WebSocketDisconnect,
  WebSocketException,
  WebSocketRequestValidationError,
  status,
} from "../../src/fastapi/index.js";
import * as fastapiWebsockets from "../../src/fastapi/websockets.js";
import { dumps } from "../../src/itsdangerous/_json.js";
import { Middleware } from "../../src/middleware/index.js";
import { Mount, Router } from "../../src/routing.js";
import { TestClient } from "../../src/testclient.js";
import type { ASGIApp, Receive, Scope, Send } from "../../src/types.js";
import { WebSocketState } from "../../src/websockets.js";
import { app as tutorial001 } from "../../examples/websockets/tutorial001.js";
import { app as tutorial002 } from "../../examples/websockets/tutorial002.js";
import { app as tutorial003, html as tutorial003Html } from "../../examples/websockets/tutorial003.js";
import { pythonScripts, runScripts, type Step } from "./websockets_script.js";

// ---------------------------------------------------------------- the apps of test_ws_router.py

const router = new APIRouter();
const prefixRouter = new APIRouter();
const nativePrefixRoute = new APIRouter({ prefix: "/native" });
const app = new FastAPI();

async function index(websocket: WebSocket): Promise<void> {
  await websocket.accept();
  await websocket.sendText("Hello, world!");
  await websocket.close();
}

app.websocketRoute("/")(index);

router.websocketRoute("/router")(async function routerindex(websocket: WebSocket) {
  await websocket.accept();
  await websocket.sendText("Hello, router!");
  await websocket.close();
});

prefixRouter.websocketRoute("/")(async function routerprefixindex(websocket: WebSocket) {
  await websocket.accept();
  await websocket.sendText("Hello, router with prefix!");
  await websocket.close();
});

router.websocket("/router2", { params: { websocket: WebSocket } })(async function routerindex2({ websocket }) {
  await websocket.accept();
  await websocket.sendText("Hello, router!");
  await websocket.close();
});

router.websocket(
  "/router/{pathparam:path}",
  { params: { websocket: WebSocket, pathparam: Path(z.string()), queryparam: Query(z.string()) } },
  async function routerindexparams({ websocket, pathparam, queryparam }) {
    await websocket.accept();
    await websocket.sendText(pathparam);
    await websocket.sendText(queryparam);
    await websocket.close();
  },
);

async function wsDependency(): Promise<string> {
  return "Socket Dependency";
}

router.websocket("/router-ws-depends/", { params: { websocket: WebSocket, data: Depends(wsDependency) } }, async function router_ws_decorator_depends({ websocket, data }) {
  await websocket.accept();
  await websocket.sendText(data);
  await websocket.close();
});

nativePrefixRoute.websocket("/", { params: { websocket: WebSocket } }, async function router_native_prefix_ws({ websocket }) {
  await websocket.accept();
  await websocket.sendText("Hello, router with native prefix!");
  await websocket.close();
});

class NotImplementedError extends Error {
  override name = "NotImplementedError";
}

async function wsDependencyErr(): Promise<never> {
  throw new NotImplementedError();
}

router.websocket("/depends-err/", { params: { websocket: WebSocket, data: Depends(wsDependencyErr) } }, async function router_ws_depends_err() {
  /* c8 ignore next -- never called: the dependency fails first, as in FastAPI's test */
});

function wsDependencyValidate(): void {
  /* c8 ignore next -- never called: its header is missing, as in FastAPI's test */
}

router.websocket(
  "/depends-validate/",
  { params: { websocket: WebSocket, data: Depends(wsDependencyValidate, { params: { x_missing: Header(z.string()) } }) } },
  async function router_ws_depends_validate() {
    /* c8 ignore next -- never called: validation fails first */
  },
);

class CustomError extends Error {}

router.websocket("/custom_error/", { params: { websocket: WebSocket } }, async function router_ws_custom_error() {
  throw new CustomError();
});

function makeApp(given: FastAPI | null = null, options: ConstructorParameters<typeof FastAPI>[0] = {}): FastAPI {
  const made = given ?? new FastAPI(options);
  made.includeRouter(router);
  made.includeRouter(prefixRouter, { prefix: "/prefix" });
  made.includeRouter(nativePrefixRoute);
  return made;
}

makeApp(app);

async function receiveOne(client: TestClient, path: string): Promise<string> {
  return client.websocketConnect(path, {}, (websocket) => websocket.receiveText());
}

test("test_app", async () => {
  assert.is(await receiveOne(new TestClient(app), "/"), "Hello, world!");
});

test("test_router", async () => {
  assert.is(await receiveOne(new TestClient(app), "/router"), "Hello, router!");
});

test("test_prefix_router", async () => {
  assert.is(await receiveOne(new TestClient(app), "/prefix/"), "Hello, router with prefix!");
});

test("test_native_prefix_router", async () => {
  assert.is(await receiveOne(new TestClient(app), "/native/"), "Hello, router with native prefix!");
});

test("test_router2", async () => {
  assert.is(await receiveOne(new TestClient(app), "/router2"), "Hello, router!");
});

test("test_router_ws_depends", async () => {
  assert.is(await receiveOne(new TestClient(app), "/router-ws-depends/"), "Socket Dependency");
});

test("test_router_ws_depends_with_override", async () => {
  const client = new TestClient(app);
  app.dependencyOverrides.set(wsDependency, () => "Override");
  try {
    assert.is(await receiveOne(client, "/router-ws-depends/"), "Override");
  } finally {
    app.dependencyOverrides.clear();
  }
});

test("test_router_with_params", async () => {
  const client = new TestClient(app);
  await client.websocketConnect("/router/path/to/file?queryparam=a_query_param", {}, async (websocket) => {
    assert.is(await websocket.receiveText(), "path/to/file");
    assert.is(await websocket.receiveText(), "a_query_param");
  });
});

async function disconnectOf(promise: Promise<unknown>): Promise<WebSocketDisconnect> {
  try {
    await promise;
  } catch (exc) {
    if (exc instanceof WebSocketDisconnect) return exc;
    throw exc;
  }
  assert.unreachable("expected WebSocketDisconnect");
  throw new Error("unreachable");
}

test("test_wrong_uri", async () => {
  const client = new TestClient(app);
  const e = await disconnectOf(client.websocketConnect("/no-router/"));
  assert.is(e.code, status.WS_1000_NORMAL_CLOSURE);
});

type CallNext = () => Promise<void>;

/** Helper to create a Starlette pure websocket middleware. */
function websocketMiddleware(middlewareFunc: (websocket: WebSocket, callNext: CallNext) => Promise<void>) {
  return (inner: ASGIApp): ASGIApp =>
    async (scope: Scope, receive: Receive, send: Send) => {
      /* c8 ignore next -- only websockets are sent here, as in FastAPI's test */
      if (scope.type !== "websocket") return inner(scope, receive, send);
      const websocket = new WebSocket(scope, receive, send);
      return middlewareFunc(websocket, () => Promise.resolve(inner(scope, receive, send)));
    };
}

test("test_depend_validation", async () => {
  const caught: unknown[] = [];
  const catcher = websocketMiddleware(async (_websocket, callNext) => {
    try {
      return await callNext();
    } catch (e) {
      /* c8 ignore next 2 -- the validation error is handled inside: nothing leaks here */
      caught.push(e);
      throw e;
    }
  });
  const myapp = makeApp(null, { middleware: [new Middleware(catcher)] });
  const client = new TestClient(myapp);
  const e = await disconnectOf(client.websocketConnect("/depends-validate/"));
  // the validation error does produce a close message
  assert.is(e.code, status.WS_1008_POLICY_VIOLATION);
  // and no error is leaked
  assert.equal(caught, []);
});

test("test_depend_err_middleware", async () => {
  const errorhandler = websocketMiddleware(async (websocket, callNext) => {
    try {
      return await callNext();
    } catch (e) {
      await websocket.close(status.WS_1006_ABNORMAL_CLOSURE, `${(e as Error).name}()`);
    }
  });
  const myapp = makeApp(null, { middleware: [new Middleware(errorhandler)] });
  const client = new TestClient(myapp);
  const e = await disconnectOf(client.websocketConnect("/depends-err/"));
  assert.is(e.code, status.WS_1006_ABNORMAL_CLOSURE);
  assert.ok(e.reason.includes("NotImplementedError"), e.reason);
});

test("test_depend_err_handler", async () => {
  const customHandler = async (websocket: WebSocket, _exc: CustomError): Promise<void> => {
    await websocket.close(1002, "foo");
  };
  const myapp = makeApp(null, { exceptionHandlers: new Map([[CustomError, customHandler as never]]) });
  const client = new TestClient(myapp);
  const e = await disconnectOf(client.websocketConnect("/custom_error/"));
  assert.is(e.code, 1002);
  assert.ok(e.reason.includes("foo"));
});

// ---------------------------------------------------------------- test_ws_dependencies.py

function dependencyList(): string[] {
  return [];
}

const DepList = Depends(dependencyList);

function createDependency(name: string) {
  const fun = ({ deps }: { deps: string[] }) => void deps.push(name);
  return Depends(fun, { params: { deps: DepList } });
}

function depsApp(): FastAPI {
  const depsRouter = new APIRouter({ dependencies: [createDependency("router")] });
  const depsPrefixRouter = new APIRouter({ dependencies: [createDependency("prefix_router")] });
  const made = new FastAPI({ dependencies: [createDependency("app")] });
  made.websocket("/", { params: { websocket: WebSocket, deps: DepList }, dependencies: [createDependency("index")] }, async function index({ websocket, deps }) {
    await websocket.accept();
    await websocket.sendText(dumps(deps));
    await websocket.close();
  });
  depsRouter.websocket("/router", { params: { websocket: WebSocket, deps: DepList }, dependencies: [createDependency("routerindex")] }, async function routerindex({ websocket, deps }) {
    await websocket.accept();
    await websocket.sendText(dumps(deps));
    await websocket.close();
  });
  depsPrefixRouter.websocket("/", { params: { websocket: WebSocket, deps: DepList }, dependencies: [createDependency("routerprefixindex")] }, async ({ websocket, deps }) => {
    await websocket.accept();
    await websocket.sendText(dumps(deps));
    await websocket.close();
  });
  made.websocket("/validate/{n}", { params: { websocket: WebSocket, n: Path(z.int()) } }, async function deps_validate() {
    /* c8 ignore next -- never called: only sent invalid params */
  });
  made.includeRouter(depsRouter, { dependencies: [createDependency("router2")] });
  made.includeRouter(depsPrefixRouter, { prefix: "/prefix", dependencies: [createDependency("prefix_router2")] });
  return made;
}

const dependenciesApp = depsApp();

test("test_index", async () => {
  assert.equal(JSON.parse(await receiveOne(new TestClient(dependenciesApp), "/")), ["app", "index"]);
});

test("test_routerindex", async () => {
  assert.equal(JSON.parse(await receiveOne(new TestClient(dependenciesApp), "/router")), ["app", "router2", "router", "routerindex"]);
});

test("test_routerprefixindex", async () => {
  assert.equal(JSON.parse(await receiveOne(new TestClient(dependenciesApp), "/prefix/")), ["app", "prefix_router2", "prefix_router", "routerprefixindex"]);
});

// ---------------------------------------------------------------- test_tutorial/test_websockets

test("test_tutorial001: test_main", async () => {
  const response = await new TestClient(tutorial001).get("/");
  assert.is(response.statusCode, 200, response.text);
  assert.ok(response.text.includes("<!DOCTYPE html>"));
});

test("test_tutorial001: test_websocket", async () => {
  const client = new TestClient(tutorial001);
  await disconnectOf(
    client.websocketConnect("/ws", {}, async (websocket) => {
      for (const message of ["Message one", "Message two"]) {
        websocket.sendText(message);
        assert.is(await websocket.receiveText(), `Message text was: ${message}`);
      }
    }),
  );
});

test("test_tutorial002: test_main", async () => {
  const response = await new TestClient(tutorial002).get("/");
  assert.is(response.statusCode, 200, response.text);
  assert.ok(response.text.includes("<!DOCTYPE html>"));
});

async function chat(client: TestClient, path: string, expected: (message: string) => string[], options = {}): Promise<void> {
  await disconnectOf(
    client.websocketConnect(path, options, async (websocket) => {
      for (const message of ["Message one", "Message two"]) {
        websocket.sendText(message);
        for (const line of expected(message)) assert.is(await websocket.receiveText(), line);
      }
    }),
  );
}

test("test_tutorial002: test_websocket_with_cookie", async () => {
  const client = new TestClient(tutorial002, { cookies: { session: "fakesession" } });
  await chat(client, "/items/foo/ws", (m) => ["Session cookie or query token value is: fakesession", `Message text was: ${m}, for item ID: foo`]);
});

test("test_tutorial002: test_websocket_with_header", async () => {
  const client = new TestClient(tutorial002);
  await chat(client, "/items/bar/ws?token=some-token", (m) => ["Session cookie or query token value is: some-token", `Message text was: ${m}, for item ID: bar`]);
});

test("test_tutorial002: test_websocket_with_header_and_query", async () => {
  const client = new TestClient(tutorial002);
  await chat(client, "/items/2/ws?q=3&token=some-token", (m) => [
    "Session cookie or query token value is: some-token",
    "Query parameter q is: 3",
    `Message text was: ${m}, for item ID: 2`,
  ]);
});

test("test_tutorial002: test_websocket_no_credentials", async () => {
  const e = await disconnectOf(new TestClient(tutorial002).websocketConnect("/items/foo/ws"));
  assert.is(e.code, status.WS_1008_POLICY_VIOLATION);
});

test("test_tutorial002: test_websocket_invalid_data", async () => {
  const e = await disconnectOf(new TestClient(tutorial002).websocketConnect("/items/foo/ws?q=bar&token=some-token"));
  assert.is(e.code, status.WS_1008_POLICY_VIOLATION);
});

test("test_tutorial003: test_get", async () => {
  const response = await new TestClient(tutorial003).get("/");
  assert.is(response.text, tutorial003Html);
});

test("test_tutorial003: test_websocket_handle_disconnection", async () => {
  const client = new TestClient(tutorial003);
  await using connection = await client.websocketConnect("/ws/1234");
  await using connectionTwo = await client.websocketConnect("/ws/5678");
  connection.sendText("Hello from 1234");
  assert.is(await connection.receiveText(), "You wrote: Hello from 1234");
  const client1Says = "Client #1234 says: Hello from 1234";
  assert.is(await connectionTwo.receiveText(), client1Says);
  assert.is(await connection.receiveText(), client1Says);
  connectionTwo.close();
  assert.is(await connection.receiveText(), "Client #5678 left the chat");
});

// ---------------------------------------------------------------- the layer's own

test("fastapi/websockets re-exports Starlette's WebSocket, WebSocketDisconnect and WebSocketState", () => {
  assert.is(fastapiWebsockets.WebSocket, WebSocket);
  assert.is(fastapiWebsockets.WebSocketDisconnect, WebSocketDisconnect);
  assert.is(fastapiWebsockets.WebSocketState, WebSocketState);
});

test("registrars: (path, options, handler), (path, handler) and the decorator all register", async () => {
  const made = new FastAPI();
  const seen: string[] = [];
  const bare = made.websocket("/bare", async (values) => void seen.push(Object.keys(values).join(",") || "none"));
  assert.type(bare, "function");
  made.websocket("/named", { name: "named" })(async function handler() {
    seen.push("named");
  });
  made.websocket("/later")(async () => void seen.push("later"));
  made.websocket("/with-options", async () => void seen.push("with options"), { name: "with_options" });
  const r = new APIRouter({ prefix: "/r" });
  r.websocket("/x", async () => void seen.push("router bare"));
  r.addWebsocketRoute("/plain", async (websocket: WebSocket) => {
    await websocket.accept();
    await websocket.sendText("plain");
    await websocket.close();
  });
  made.includeRouter(r);
  const client = new TestClient(made);
  // The handlers return without accepting or closing: the test session says so.
  for (const path of ["/bare", "/named", "/later", "/with-options", "/r/x"]) await client.websocketConnect(path).catch(() => undefined);
  assert.equal(seen, ["none", "named", "later", "with options", "router bare"]);
  assert.is(made.router.urlPathFor("with_options"), "/with-options");
  assert.is(await receiveOne(client, "/plain"), "plain");
  assert.is(made.router.urlPathFor("named"), "/named");
  const route = made.router.routes.find((x) => x instanceof APIWebSocketRoute && x.path === "/named") as APIWebSocketRoute;
  assert.is(route.name, "named");
});

test("websocket routes are not in the OpenAPI document", () => {
  const made = new FastAPI();
  made.websocket("/ws", { params: { websocket: WebSocket, q: Query(z.string()) } }, async () => undefined);
  made.get("/items", () => []);
  assert.equal(Object.keys(made.openapi().paths ?? {}), ["/items"]);
});

// FastAPI passes neither, and Python's call then fails with a TypeError (a missing argument);
// a JavaScript handler gets undefined for the key.
test("a Request param gets nothing in a websocket route, a WebSocket param nothing in an http one", async () => {
  const made = new FastAPI();
  made.websocket("/ws", { params: { websocket: WebSocket, request: Request } }, async ({ websocket, request }) => {
    await websocket.accept();
    await websocket.sendJson({ request: request === undefined });
    await websocket.close();
  });
  made.get("/http", { params: { websocket: WebSocket, request: Request } }, ({ websocket, request }) => ({ websocket: websocket === undefined, request: request instanceof Request }));
  const client = new TestClient(made);
  assert.equal(await client.websocketConnect("/ws", {}, (ws) => ws.receiveJson()), { request: true });
  assert.equal((await client.get("/http")).json(), { websocket: true, request: true });
});

test("WebSocketRequestValidationError names the endpoint with WS and the mount path", async () => {
  let error: WebSocketRequestValidationError | undefined;
  const made = new FastAPI();
  made.exceptionHandler(WebSocketRequestValidationError)(async (websocket: WebSocket, exc: WebSocketRequestValidationError) => {
    error = exc;
    await websocket.close(1008);
  });
  made.websocket("/items/{n}", { params: { n: Path(z.int()) } }, async function read_item() {
    /* c8 ignore next -- never called: only sent invalid params */
  });
  const outer = new FastAPI();
  outer.mount("/sub", made);
  await disconnectOf(new TestClient(outer).websocketConnect("/sub/items/x"));
  assert.ok(error);
  assert.is(error.endpointFunction, "read_item");
  assert.is(error.endpointPath, "WS /sub/items/{n}");
});

test("an APIWebSocketRoute outside any FastAPI app (no overrides, no root_path) still runs", async () => {
  const route = new APIWebSocketRoute("/ws", async ({ websocket }: { websocket: WebSocket }) => {
    await websocket.accept();
    await websocket.sendText("bare");
    await websocket.close();
  }, { params: { websocket: WebSocket } });
  const bare = new Router({ routes: [route] });
  assert.is(await receiveOne(new TestClient(bare), "/ws"), "bare");
  // A scope without root_path (a server that leaves it out) names the endpoint without a mount.
  const invalid = new APIWebSocketRoute("/v/{n}", async () => undefined, { params: { n: Path(z.int()) } });
  const sent: Array<Record<string, unknown>> = [];
  const scope: Scope = { type: "websocket", path: "/v/x", headers: [], query_string: "", path_params: { n: "x" } } as unknown as Scope;
  let failed: unknown;
  try {
    await invalid.handle(scope, async () => ({ type: "websocket.connect" }), async (m) => void sent.push(m));
  } catch (exc) {
    failed = exc;
  }
  assert.instance(failed, WebSocketRequestValidationError);
  assert.is((failed as WebSocketRequestValidationError).endpointPath, "WS /v/{n}");
});

test("generator dependencies exit after the handler, seeing its WebSocketDisconnect", async () => {
  const events: string[] = [];
  async function* getDb() {
    events.push("enter");
    try {
      yield "db";
    } catch (exc) {
      events.push(`error ${(exc as WebSocketDisconnect).code}`);
      throw exc;
    } finally {
      events.push("exit");
    }
  }
  const made = new FastAPI();
  made.websocket("/ws", { params: { websocket: WebSocket, db: Depends(getDb) } }, async ({ websocket, db }) => {
    await websocket.accept();
    await websocket.sendText(db);
    for (;;) events.push(await websocket.receiveText());
  });
  const client = new TestClient(made);
  const e = await disconnectOf(
    client.websocketConnect("/ws", {}, async (websocket) => {
      assert.is(await websocket.receiveText(), "db");
      websocket.sendText("one");
      websocket.close(4000);
    }),
  );
  assert.is(e.code, 4000);
  assert.equal(events, ["enter", "one", "error 4000", "exit"]);
});

test("Cookie, Header and Security params in a websocket route", async () => {
  const made = new FastAPI();
  const scoped = ({ scopes, token }: { scopes: SecurityScopes; token: string | null }) => {
    if (token !== "secret") throw new WebSocketException(1008, "Bad token");
    return scopes.scopes;
  };
  made.websocket(
    "/ws",
    {
      params: {
        websocket: WebSocket,
        conn: HTTPConnection,
        session: Cookie(z.string().nullable().default(null)),
        x_token: Header(z.string().default("none")),
        scopes: Security(scoped, { scopes: ["items"], params: { scopes: SecurityScopes, token: Query(z.string().nullable().default(null)) } }),
      },
    },
    async ({ websocket, conn, session, x_token, scopes }) => {
      await websocket.accept();
      await websocket.sendJson({ same: conn === websocket, session, x_token, scopes });
      await websocket.close();
    },
  );
  const client = new TestClient(made);
  const got = await client.websocketConnect("/ws?token=secret", { headers: { "x-token": "t" }, cookies: { session: "s" } }, (ws) => ws.receiveJson());
  assert.equal(got, { same: true, session: "s", x_token: "t", scopes: ["items"] });
  const e = await disconnectOf(client.websocketConnect("/ws"));
  assert.is(e.code, 1008);
  assert.is(e.reason, "Bad token");
});

test("HTTPException before accept is a denial response", async () => {
  const made = new FastAPI();
  made.websocket("/ws", async () => {
    throw new HTTPException(403, "Go away");
  });
  try {
    await new TestClient(made).websocketConnect("/ws");
    assert.unreachable("expected a denial");
  } catch (exc) {
    assert.is((exc as { statusCode?: number }).statusCode, 403);
  }
});

// ---------------------------------------------------------------- differential: the TS twin of _websockets.py

function twin(): FastAPI {
  const made = new FastAPI();
  made.websocketRoute("/", index);
  makeApp(made);
  made.addExceptionHandler(CustomError, async (websocket: WebSocket) => {
    await websocket.close(1002, "foo");
  });
  made.websocket(
    "/params/{item_id}",
    {
      params: {
        websocket: WebSocket,
        item_id: Path(z.int(), { ge: 1 }),
        q: Query(z.array(z.string())),
        limit: Query(z.int().default(5), { le: 10 }),
        user_agent: Header(z.string().nullable().default(null)),
        x_token: Header(z.string().default("none")),
        session: Cookie(z.string().nullable().default(null)),
      },
    },
    async function params({ websocket, ...values }) {
      await websocket.accept();
      const { item_id, q, limit, user_agent, x_token, session } = values;
      await websocket.sendJson({ item_id, q, limit, user_agent, x_token, session });
      await websocket.close();
    },
  );
  made.websocket("/ws-exception/{when}", { params: { websocket: WebSocket, when: Path(z.string()) } }, async function ws_exception({ websocket, when }) {
    if (when === "before") throw new WebSocketException(4001, "Not allowed");
    await websocket.accept();
    await websocket.sendText("accepted");
    throw new WebSocketException(4002);
  });
  made.websocket("/http-exception", { params: { websocket: WebSocket } }, async function http_exception() {
    throw new HTTPException(403, "Go away");
  });
  made.websocket("/echo", { params: { websocket: WebSocket } }, async function echo({ websocket }) {
    await websocket.accept();
    const data = await websocket.receiveJson();
    await websocket.sendJson({ got: data });
    const raw = await websocket.receiveBytes();
    await websocket.sendBytes(Uint8Array.from(raw).reverse());
    const text = await websocket.receiveText();
    await websocket.close(4000, text);
  });
  const events: string[] = [];
  async function* getDb({ websocket }: { websocket: WebSocket }) {
    events.push(`enter ${websocket.url.path}`);
    try {
      yield "db";
    } catch (exc) {
      if (exc instanceof WebSocketDisconnect) events.push(`disconnect ${exc.code}`);
      throw exc;
    } finally {
      events.push("exit");
    }
  }
  made.websocket("/yield", { params: { websocket: WebSocket, db: Depends(getDb, { params: { websocket: WebSocket } }) } }, async function with_yield({ websocket, db }) {
    await websocket.accept();
    await websocket.sendText(db);
    for (;;) events.push("got " + (await websocket.receiveText()));
  });
  made.get("/events", () => events.splice(0));
  const scoped = ({ security_scopes, token }: { security_scopes: SecurityScopes; token: string | null }) => {
    if (token !== "secret") throw new WebSocketException(1008, "Bad token");
    return security_scopes.scopes;
  };
  made.websocket(
    "/secure",
    {
      params: {
        websocket: WebSocket,
        conn: HTTPConnection,
        scopes: Security(scoped, { scopes: ["items"], params: { security_scopes: SecurityScopes, token: Query(z.string().nullable().default(null)) } }),
      },
    },
    async function secure({ websocket, conn, scopes }) {
      await websocket.accept();
      await websocket.sendJson({ scopes, same: conn === websocket, path: conn.url.path });
      await websocket.close();
    },
  );
  // Registered after the routes above in Python too: includes are live, order is the routes'.
  made.router.routes.push(new Mount("/deps", { app: depsApp() }));
  return made;
}

const connectOnly = (path: string, extra: Partial<Extract<Step, { connect: string }>> = {}): Step[] => [{ connect: "a", path, ...extra }, { exit: "a" }];
const receiveAll = (path: string, n: number): Step[] => [{ connect: "a", path }, ...Array.from({ length: n }, () => ({ ws: "a", receive_text: true }) as Step), { exit: "a" }];

const SCRIPTS: Array<[string, Step[]]> = [
  ["test_app", receiveAll("/", 1)],
  ["test_router", receiveAll("/router", 1)],
  ["test_prefix_router", receiveAll("/prefix/", 1)],
  ["test_native_prefix_router", receiveAll("/native/", 1)],
  ["test_router2", receiveAll("/router2", 1)],
  ["test_router_ws_depends", receiveAll("/router-ws-depends/", 1)],
  ["test_router_with_params", receiveAll("/router/path/to/file?queryparam=a_query_param", 2)],
  ["missing query param", connectOnly("/router/path/to/file")],
  ["test_wrong_uri", connectOnly("/no-router/")],
  ["test_depend_validation: the 1008 reason", connectOnly("/depends-validate/")],
  ["test_depend_err_handler", connectOnly("/custom_error/")],
  ["params: valid", receiveAll("/params/3?q=a&q=b&limit=7", 1).map((s) => ("connect" in s ? { ...s, headers: { "user-agent": "tests", "x-token": "t" }, cookies: { session: "s" } } : s))],
  ["params: defaults", receiveAll("/params/3?q=a", 1)],
  ["params: every error, in FastAPI's order", connectOnly("/params/0?limit=11")],
  ["params: not an int", connectOnly("/params/x?q=1&limit=y")],
  ["WebSocketException before accept", connectOnly("/ws-exception/before")],
  ["WebSocketException after accept", receiveAll("/ws-exception/after", 2)],
  ["HTTPException before accept: a denial response", connectOnly("/http-exception")],
  [
    "echo: json, bytes, and a close with a reason",
    [
      { connect: "a", path: "/echo" },
      { ws: "a", send_json: { a: [1, "é"] } },
      { ws: "a", receive_json: true },
      { ws: "a", send_bytes: "abc\u00ff" },
      { ws: "a", receive_bytes: true },
      { ws: "a", send_text: "bye" },
      { ws: "a", receive: true },
      { exit: "a" },
    ],
  ],
  [
    "yield: the exit code runs after the handler, with the disconnect",
    [
      { http: "/events" },
      { connect: "a", path: "/yield" },
      { ws: "a", receive_text: true },
      { ws: "a", send_text: "one" },
      { ws: "a", close: 4000 },
      { exit: "a" },
      { http: "/events" },
    ],
  ],
  ["security: accepted", receiveAll("/secure?token=secret", 1)],
  ["security: refused", connectOnly("/secure")],
  ["test_index (mounted)", receiveAll("/deps/", 1)],
  ["test_routerindex (mounted)", receiveAll("/deps/router", 1)],
  ["test_routerprefixindex (mounted)", receiveAll("/deps/prefix/", 1)],
  ["mounted validation", connectOnly("/deps/validate/x")],
];

const PYTHON_TWIN = new URL("../python/fastapi_apps/_websockets.py", import.meta.url).pathname;
const python = pythonScripts([{ module: PYTHON_TWIN, scripts: SCRIPTS.map(([, steps]) => steps) }]);
const twinApp = twin();

SCRIPTS.forEach(([name, steps], i) => {
  test(`differential: ${name}`, async () => {
    const [ts] = await runScripts(twinApp, [steps]);
    const py = python?.[0][i];
    if (py === undefined) return;
    assert.equal(ts.script, py.script, `${name}: TS saw ${JSON.stringify(ts.script)}\nFastAPI: ${JSON.stringify(py.script)}`);
  });
});

test.run();
