// Port of tests/test_authentication.py (Starlette 1.x), for src/authentication.ts and
// src/middleware/authentication.ts. The websocket test also compares, at the ASGI level,
// the messages the app sends with those of Starlette's (tests/python/authentication_websocket.py).
// The suite "starlette-ts" below has no Python counterpart.
import { AssertionError } from "node:assert";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { App } from "../src/applications.js";
import {
  AuthCredentials,
  AuthenticationBackend,
  AuthenticationError,
  BaseUser,
  hasRequiredScope,
  requires,
  SimpleUser,
  UnauthenticatedUser,
  type AuthResult,
  type RedirectingDecorator,
  type RequiresDecorator,
  type RequiresOptions,
} from "../src/authentication.js";
import { BaseHTTPMiddleware } from "../src/middleware/base.js";
import { AuthenticationMiddleware } from "../src/middleware/authentication.js";
import { Middleware } from "../src/middleware/index.js";
import { HTTPConnection, Request } from "../src/requests.js";
import { JSONResponse, PlainTextResponse, RedirectResponse, Response } from "../src/responses.js";
import { Mount, Route, WebSocketRoute } from "../src/routing.js";
import { TestClient } from "../src/testclient.js";
import { WebSocket, WebSocketDisconnect } from "../src/websockets.js";
import { HTTPEndpoint } from "../src/endpoints.js";
import type { ASGIApp, Message, Scope } from "../src/types.js";
import { rejects, thrown } from "./helpers.js";
import { requirePython, runPython } from "./python.js";

/** Python's base64.b64decode(s).decode("ascii") on well-formed input; throws where it raises. */
function b64decodeAscii(s: string): string {
  if (s.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(s)) throw new Error("binascii.Error: Incorrect padding");
  const bytes = Buffer.from(s, "base64");
  if (bytes.some((b) => b > 0x7f)) throw new Error("UnicodeDecodeError");
  return bytes.toString("latin1");
}

class BasicAuth extends AuthenticationBackend {
  async authenticate(request: HTTPConnection): Promise<AuthResult<SimpleUser> | null> {
    if (!request.headers.has("Authorization")) return null;

    const auth = request.headers.get("Authorization") as string;
    let decoded: string;
    try {
      const parts = auth.trim().split(/\s+/);
      if (parts.length !== 2) throw new Error("ValueError: not enough values to unpack");
      decoded = b64decodeAscii(parts[1]);
    } catch {
      throw new AuthenticationError("Invalid basic auth credentials");
    }

    const username = decoded.split(":")[0];
    return [new AuthCredentials(["authenticated"]), new SimpleUser(username)];
  }
}

const whoami = (request: Request) => ({ authenticated: request.user.isAuthenticated, user: request.user.displayName });

function homepage(request: Request): JSONResponse {
  return new JSONResponse(whoami(request));
}

const dashboard = requires("authenticated")(async (request: Request) => new JSONResponse(whoami(request)));

const admin = requires("authenticated", { redirect: "homepage" })(async (request: Request) => new JSONResponse(whoami(request)));

const dashboardSync = requires("authenticated")((request: Request) => new JSONResponse(whoami(request)));

class Dashboard extends HTTPEndpoint {
  @requires("authenticated")
  get(request: Request): JSONResponse {
    return new JSONResponse(whoami(request));
  }
}

const adminSync = requires("authenticated", { redirect: "homepage" })((request: Request) => new JSONResponse(whoami(request)));

const websocketEndpoint = requires("authenticated")(async (websocket: WebSocket) => {
  await websocket.accept();
  await websocket.sendJson({ authenticated: websocket.user.isAuthenticated, user: websocket.user.displayName });
});

type AsyncEndpoint = (request: Request, additional: string) => Promise<Response>;
type SyncEndpoint = (request: Request, additional: string) => Response;

function asyncInjectDecorator(additional: string) {
  return (endpoint: AsyncEndpoint) =>
    async function app(request: Request): Promise<Response> {
      return await endpoint(request, additional);
    };
}

const decoratedAsync = asyncInjectDecorator("payload")(
  requires("authenticated")(async (request: Request, additional: string) => new JSONResponse({ ...whoami(request), additional })),
);

function syncInjectDecorator(additional: string) {
  return (endpoint: SyncEndpoint) =>
    function app(request: Request): Response {
      return endpoint(request, additional);
    };
}

const decoratedSync = syncInjectDecorator("payload")(
  requires("authenticated")((request: Request, additional: string) => new JSONResponse({ ...whoami(request), additional })),
);

function wsInjectDecorator(additional: string) {
  return (endpoint: (websocket: WebSocket, additional: string) => Promise<void>) => (websocket: WebSocket) => endpoint(websocket, additional);
}

const websocketEndpointDecorated = wsInjectDecorator("payload")(
  requires("authenticated")(async (websocket: WebSocket, additional: string) => {
    await websocket.accept();
    await websocket.sendJson({ authenticated: websocket.user.isAuthenticated, user: websocket.user.displayName, additional });
  }),
);

const app = new App({
  middleware: [new Middleware(AuthenticationMiddleware, { backend: new BasicAuth() })],
  routes: [
    new Route("/", homepage),
    new Route("/dashboard", dashboard),
    new Route("/admin", admin),
    new Route("/dashboard/sync", dashboardSync),
    new Route("/dashboard/class", Dashboard),
    new Route("/admin/sync", adminSync),
    new Route("/dashboard/decorated", decoratedAsync),
    new Route("/dashboard/decorated/sync", decoratedSync),
    new WebSocketRoute("/ws", websocketEndpoint),
    new WebSocketRoute("/ws/decorated", websocketEndpointDecorated),
  ],
});

/** httpx's auth=(username, password). */
const basic = (username: string, password: string) => ({ Authorization: "Basic " + Buffer.from(`${username}:${password}`).toString("base64") });
const auth = basic("tomchristie", "example");

const starlette = suite("test_authentication.py");

starlette("test_invalid_decorator_usage", async () => {
  // Starlette refuses a function with no `request` parameter when decorating it; here the
  // connection is always the first argument, so what is refused is a call without one.
  const foo = requires("authenticated")(() => null);
  const error = thrown(() => foo({ q: "not a request" } as unknown as Request));
  assert.instance(error, AssertionError);
  assert.match(error.message, /^Parameter with name 'request' is required to be of type 'Request' not 'Object'\n/);
  assert.throws(() => requires("authenticated")("foo" as unknown as () => null), /requires\(\) wraps a handler function, got 'foo'/);
  // @ts-expect-error: the first parameter must be a connection; a FastAPI-layer handler takes its params.
  requires("authenticated")(({ q }: { q: string }) => q);
});

starlette("test_user_interface", async () => {
  const client = new TestClient(app);
  let response = await client.get("/");
  assert.is(response.statusCode, 200);
  assert.equal(response.json(), { authenticated: false, user: "" });

  response = await client.get("/", { headers: auth });
  assert.is(response.statusCode, 200);
  assert.equal(response.json(), { authenticated: true, user: "tomchristie" });
});

starlette("test_authentication_required", async () => {
  const client = new TestClient(app);
  let response = await client.get("/dashboard");
  assert.is(response.statusCode, 403);

  response = await client.get("/dashboard", { headers: auth });
  assert.is(response.statusCode, 200);
  assert.equal(response.json(), { authenticated: true, user: "tomchristie" });

  response = await client.get("/dashboard/sync");
  assert.is(response.statusCode, 403);

  response = await client.get("/dashboard/sync", { headers: auth });
  assert.is(response.statusCode, 200);
  assert.equal(response.json(), { authenticated: true, user: "tomchristie" });

  response = await client.get("/dashboard/class");
  assert.is(response.statusCode, 403);

  response = await client.get("/dashboard/class", { headers: auth });
  assert.is(response.statusCode, 200);
  assert.equal(response.json(), { authenticated: true, user: "tomchristie" });

  response = await client.get("/dashboard/decorated", { headers: auth });
  assert.is(response.statusCode, 200);
  assert.equal(response.json(), { authenticated: true, user: "tomchristie", additional: "payload" });

  response = await client.get("/dashboard/decorated");
  assert.is(response.statusCode, 403);

  response = await client.get("/dashboard/decorated/sync", { headers: auth });
  assert.is(response.statusCode, 200);
  assert.equal(response.json(), { authenticated: true, user: "tomchristie", additional: "payload" });

  response = await client.get("/dashboard/decorated/sync");
  assert.is(response.statusCode, 403);

  response = await client.get("/dashboard", { headers: { Authorization: "basic foobar" } });
  assert.is(response.statusCode, 400);
  assert.is(response.text, "Invalid basic auth credentials");
});

/** What the app sends for a websocket connection to `path` (the client connects, then leaves). */
async function websocketMessages(path: string, headers: Record<string, string> = {}): Promise<Message[]> {
  const scope: Scope = {
    type: "websocket",
    asgi: { version: "3.0" },
    scheme: "ws",
    path,
    raw_path: path,
    root_path: "",
    query_string: "",
    headers: Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]),
    client: ["testclient", 50000],
    server: ["testserver", 80],
    subprotocols: [],
    state: {},
  };
  const incoming: Message[] = [{ type: "websocket.connect" }];
  const sent: Message[] = [];
  await app.call(
    scope,
    async () => incoming.shift() ?? { type: "websocket.disconnect", code: 1000 },
    async (message) => void sent.push(message),
  );
  return sent;
}

const WEBSOCKET_CASES: Array<{ path: string; headers: Record<string, string> }> = [
  { path: "/ws", headers: {} },
  { path: "/ws", headers: { Authorization: "basic foobar" } },
  { path: "/ws", headers: auth },
  { path: "/ws/decorated", headers: {} },
  { path: "/ws/decorated", headers: { Authorization: "basic foobar" } },
  { path: "/ws/decorated", headers: auth },
];

starlette("test_websocket_authentication_required", async () => {
  const client = new TestClient(app);
  assert.instance(await rejects(client.websocketConnect("/ws")), WebSocketDisconnect);
  assert.instance(await rejects(client.websocketConnect("/ws", { headers: { Authorization: "basic foobar" } })), WebSocketDisconnect);
  await client.websocketConnect("/ws", { headers: auth }, async (websocket) => {
    assert.equal(await websocket.receiveJson(), { authenticated: true, user: "tomchristie" });
  });
  assert.instance(await rejects(client.websocketConnect("/ws/decorated")), WebSocketDisconnect);
  assert.instance(await rejects(client.websocketConnect("/ws/decorated", { headers: { Authorization: "basic foobar" } })), WebSocketDisconnect);
  await client.websocketConnect("/ws/decorated", { headers: auth }, async (websocket) => {
    assert.equal(await websocket.receiveJson(), { authenticated: true, user: "tomchristie", additional: "payload" });
  });
});

starlette("test_websocket_authentication_required: the messages, as Starlette's app sends them", async () => {
  const closed = { type: "websocket.close", code: 1000, reason: "" }; // WebSocket.close(), before accept
  const refused = { type: "websocket.close", code: 1000 }; // AuthenticationMiddleware, on AuthenticationError
  const accept = { type: "websocket.accept", subprotocol: null, headers: [] };
  const [none, bad, good, decoratedNone, decoratedBad, decoratedGood] = await Promise.all(WEBSOCKET_CASES.map((c) => websocketMessages(c.path, c.headers)));
  assert.equal(none, [closed]);
  assert.equal(bad, [refused]);
  assert.equal(good, [accept, { type: "websocket.send", text: '{"authenticated":true,"user":"tomchristie"}' }]);
  assert.equal(decoratedNone, [closed]);
  assert.equal(decoratedBad, [refused]);
  assert.equal(decoratedGood, [accept, { type: "websocket.send", text: '{"authenticated":true,"user":"tomchristie","additional":"payload"}' }]);
  // The same messages as Starlette's middleware and requires() with its real WebSocket.
  if (requirePython("starlette")) {
    const cases = WEBSOCKET_CASES.map((c) => ({ path: c.path, headers: Object.entries(c.headers) }));
    const python = runPython<Message[][]>("authentication_websocket", cases);
    assert.equal([none, bad, good, decoratedNone, decoratedBad, decoratedGood], python);
  }
});

starlette("test_authentication_redirect", async () => {
  const client = new TestClient(app);
  let response = await client.get("/admin");
  assert.is(response.statusCode, 200);
  let url = `http://testserver/?${new URLSearchParams({ next: "http://testserver/admin" })}`;
  assert.is(String(response.url), url);

  response = await client.get("/admin", { headers: auth });
  assert.is(response.statusCode, 200);
  assert.equal(response.json(), { authenticated: true, user: "tomchristie" });

  response = await client.get("/admin/sync");
  assert.is(response.statusCode, 200);
  url = `http://testserver/?${new URLSearchParams({ next: "http://testserver/admin/sync" })}`;
  assert.is(String(response.url), url);

  response = await client.get("/admin/sync", { headers: auth });
  assert.is(response.statusCode, 200);
  assert.equal(response.json(), { authenticated: true, user: "tomchristie" });
});

function onAuthError(request: HTTPConnection, exc: AuthenticationError): JSONResponse {
  return new JSONResponse({ error: exc.message }, { statusCode: 401 });
}

const controlPanel = requires("authenticated")((request: Request) => new JSONResponse(whoami(request)));

const otherApp = new App({
  routes: [new Route("/control-panel", controlPanel)],
  middleware: [new Middleware(AuthenticationMiddleware, { backend: new BasicAuth(), onError: onAuthError })],
});

starlette("test_custom_on_error", async () => {
  const client = new TestClient(otherApp);
  let response = await client.get("/control-panel", { headers: auth });
  assert.is(response.statusCode, 200);
  assert.equal(response.json(), { authenticated: true, user: "tomchristie" });

  response = await client.get("/control-panel", { headers: { Authorization: "basic foobar" } });
  assert.is(response.statusCode, 401);
  assert.equal(response.json(), { error: "Invalid basic auth credentials" });
});

starlette.run();

// ---------------------------------------------------------------------------------------

const ours = suite("starlette-ts");

/** A backend that answers what it is given. */
const fixed = (result: unknown): AuthenticationBackend => ({ authenticate: async () => result as AuthResult });

ours("the users and credentials: Starlette's properties, in camelCase", () => {
  const user = new SimpleUser("ann");
  assert.equal([user.isAuthenticated, user.displayName, user.identity, user.username], [true, "ann", "ann", "ann"]);
  assert.instance(user, BaseUser);
  const nobody = new UnauthenticatedUser();
  assert.equal([nobody.isAuthenticated, nobody.displayName, nobody.identity], [false, "", ""]);
  assert.equal(new AuthCredentials().scopes, []);
  assert.equal(new AuthCredentials(null).scopes, []);
  assert.equal(new AuthCredentials(new Set(["a", "b"])).scopes, ["a", "b"]);
  const error = new AuthenticationError("bad");
  assert.equal([error.name, error.message, error instanceof Error], ["AuthenticationError", "bad", true]);
  assert.is(new AuthenticationError().message, "");
});

ours("hasRequiredScope: every scope asked must be granted", () => {
  const conn = new HTTPConnection({ type: "http", auth: new AuthCredentials(["a", "b"]) });
  assert.ok(hasRequiredScope(conn, []));
  assert.ok(hasRequiredScope(conn, ["a", "b"]));
  assert.not.ok(hasRequiredScope(conn, ["a", "c"]));
});

ours("request.user and request.auth are typed: BaseUser and AuthCredentials, a subclass by instanceof", async () => {
  class AppUser extends SimpleUser {
    constructor(
      username: string,
      readonly email: string,
    ) {
      super(username);
    }
  }
  const typed = new App({
    routes: [
      new Route("/", (request: Request) => {
        const scopes: readonly string[] = request.auth.scopes;
        const name: string = request.user.displayName;
        const email = request.user instanceof AppUser ? request.user.email : null;
        return { scopes, name, email };
      }),
    ],
    middleware: [new Middleware(AuthenticationMiddleware, { backend: fixed([new AuthCredentials(["x"]), new AppUser("ann", "ann@example.org")]) })],
  });
  assert.equal((await new TestClient(typed).get("/")).json(), { scopes: ["x"], name: "ann", email: "ann@example.org" });
});

ours("a backend resolving to null or undefined leaves the request unauthenticated, with no scopes", async () => {
  for (const result of [null, undefined]) {
    let seen: Scope | null = null;
    const middleware = new AuthenticationMiddleware(async (scope) => void (seen = scope), { backend: fixed(result) });
    await middleware.call({ type: "http" }, async () => ({ type: "http.request" }), async () => undefined);
    const scope = seen as Scope | null;
    assert.instance(scope?.user, UnauthenticatedUser);
    assert.instance(scope?.auth, AuthCredentials);
    assert.equal((scope?.auth as AuthCredentials).scopes, []);
  }
});

ours("a synchronous backend works too; a result that is no pair is the backend's TypeError", async () => {
  const sync = new App({
    routes: [new Route("/", (request: Request) => request.user.displayName)],
    middleware: [new Middleware(AuthenticationMiddleware, { backend: { authenticate: () => [new AuthCredentials(), new SimpleUser("sync")] as const } })],
  });
  assert.is((await new TestClient(sync).get("/")).json(), "sync");
  for (const [result, shown] of [[{ user: "x" }, "{ user: 'x' }"], [[1, 2, 3], "[ 1, 2, 3 ]"]] as const) {
    const middleware = new AuthenticationMiddleware(async () => undefined, { backend: fixed(result) });
    const error = await rejects(middleware.call({ type: "http" }, async () => ({ type: "http.request" }), async () => undefined));
    assert.instance(error, TypeError);
    assert.is(error.message, `Object.authenticate() must resolve to [credentials, user] or null, got ${shown}`);
  }
  class Broken extends AuthenticationBackend {
    authenticate() {
      return "nope" as unknown as null;
    }
  }
  const error = await rejects(new AuthenticationMiddleware(async () => undefined, { backend: new Broken() }).call({ type: "http" }, async () => ({ type: "http.request" }), async () => undefined));
  assert.is(error.message, "Broken.authenticate() must resolve to [credentials, user] or null, got 'nope'");
});

ours("errors other than AuthenticationError propagate; the lifespan passes through untouched", async () => {
  const boom = new AuthenticationMiddleware(async () => undefined, {
    backend: {
      authenticate: () => {
        throw new RangeError("backend down");
      },
    },
  });
  const error = await rejects(boom.call({ type: "http" }, async () => ({ type: "http.request" }), async () => undefined));
  assert.is(error.message, "backend down");
  const scopes: Scope[] = [];
  const lifespan = new AuthenticationMiddleware(async (scope) => void scopes.push(scope), { backend: boom.backend });
  await lifespan.call({ type: "lifespan" }, async () => ({ type: "lifespan.startup" }), async () => undefined);
  assert.equal(scopes, [{ type: "lifespan" }]);
});

ours("onError: the default is a 400 text/plain; an async handler works; a websocket is closed whatever it returns", async () => {
  const raising: AuthenticationBackend = {
    authenticate: () => {
      throw new AuthenticationError("Nope");
    },
  };
  const plain = new App({ routes: [new Route("/", () => "never")], middleware: [new Middleware(AuthenticationMiddleware, { backend: raising })] });
  const response = await new TestClient(plain).get("/");
  assert.equal([response.statusCode, response.headers.get("content-type"), response.text], [400, "text/plain; charset=utf-8", "Nope"]);

  const calls: string[] = [];
  const asyncHandler = async (conn: HTTPConnection, exc: AuthenticationError) => {
    calls.push(`${conn.scope.type}: ${exc.message}`);
    return new PlainTextResponse("custom", { statusCode: 401 });
  };
  const custom = new App({ routes: [new Route("/", () => "never")], middleware: [new Middleware(AuthenticationMiddleware, { backend: raising, onError: asyncHandler })] });
  const answer = await new TestClient(custom).get("/");
  assert.equal([answer.statusCode, answer.text], [401, "custom"]);

  const sent: Message[] = [];
  const inner: ASGIApp = async () => assert.unreachable("the app must not run");
  const middleware = new AuthenticationMiddleware(inner, { backend: raising, onError: asyncHandler });
  await middleware.call({ type: "websocket", headers: [] }, async () => ({ type: "websocket.connect" }), async (m) => void sent.push(m));
  assert.equal(sent, [{ type: "websocket.close", code: 1000 }]);
  assert.equal(calls, ["http: Nope", "websocket: Nope"]);
  assert.is(AuthenticationMiddleware.defaultOnError(new HTTPConnection({ type: "http" }), new AuthenticationError("x")).statusCode, 400);
});

ours("AuthenticationMiddleware's options are checked when it is built", () => {
  const build = (options: unknown) => () => new AuthenticationMiddleware(async () => undefined, options as { backend: AuthenticationBackend });
  assert.throws(build(undefined), /AuthenticationMiddleware options must be an object, got undefined/);
  assert.throws(build({}), /AuthenticationMiddleware needs a backend: an object with an authenticate\(conn\) method/);
  assert.throws(build({ backend: {} }), /AuthenticationMiddleware option "backend" must be an object with an authenticate\(conn\) method, got \{\}/);
  assert.throws(build({ backend: null }), /option "backend" must be/);
  assert.throws(build({ backend: new BasicAuth(), on_error: () => null }), /unexpected option "on_error"; did you mean "onError"\?/);
  assert.throws(build({ backend: new BasicAuth(), onError: "x" }), /option "onError" must be a function \(conn, exc\) => Response, or null, got "x"/);
  const withNull = new AuthenticationMiddleware(async () => undefined, { backend: new BasicAuth(), onError: null });
  assert.is(withNull.onError, AuthenticationMiddleware.defaultOnError);
});

ours("requires: a list of scopes, statusCode, HEAD and POST; the options and scopes are checked", async () => {
  const backend = fixed([new AuthCredentials(["authenticated"]), new SimpleUser("ann")]);
  const guarded = new App({
    routes: [
      new Route("/both", requires(["authenticated", "admin"])(() => "ok")),
      new Route("/hidden", requires(["authenticated", "admin"], { statusCode: 404 })(() => "ok")),
      new Route("/one", requires("authenticated", { statusCode: 404, redirect: null })(() => "ok")),
      new Route("/login", () => "login", { name: "login" }),
      new Route("/form", requires("admin", { redirect: "login" })(() => "ok"), { methods: ["GET", "POST"] }),
    ],
    middleware: [new Middleware(AuthenticationMiddleware, { backend })],
  });
  const client = new TestClient(guarded, { followRedirects: false });
  let response = await client.get("/both");
  assert.equal([response.statusCode, response.text], [403, "Forbidden"]);
  response = await client.get("/hidden");
  assert.equal([response.statusCode, response.text], [404, "Not Found"]);
  response = await client.head("/both");
  assert.equal([response.statusCode, response.text], [403, ""]);
  assert.is((await client.get("/one")).json(), "ok");
  for (const method of ["GET", "POST", "HEAD"]) {
    response = await client.request(method, "/form?a=1&b=%C3%A9");
    assert.is(response.statusCode, 303);
    assert.is(response.headers.get("location"), "http://testserver/login?next=http%3A%2F%2Ftestserver%2Fform%3Fa%3D1%26b%3D%25C3%25A9");
  }

  assert.throws(() => requires("x", { status_code: 404 } as RequiresOptionsLoose), /requires got an unexpected option "status_code"; did you mean "statusCode"\?/);
  assert.throws(() => requires("x", { statusCode: "404" } as unknown as RequiresOptionsLoose), /requires option "statusCode" must be an integer, got "404"/);
  assert.throws(() => requires("x", { redirect: 1 } as unknown as RequiresOptionsLoose), /requires option "redirect" must be a route name or null, got 1/);
  assert.throws(() => requires(["a", 1] as unknown as string[]), /requires\(\) needs a scope name or a list of them, got \[ 'a', 1 \]/);
  assert.throws(() => requires(new Set(["a"]) as unknown as string[]), /requires\(\) needs a scope name or a list of them, got Set\(1\)/);
});
type RequiresOptionsLoose = Parameters<typeof requires>[1];

ours("requires: the redirect is built on the app's root path, from inside a mounted app too", async () => {
  const backend = fixed(null);
  const secret = requires("authenticated", { redirect: "home" })(() => "ok");
  // The mounted app's router has no route "home": url_for asks the outermost router (scope.router), as Starlette does.
  const inner = new App({ routes: [new Route("/secret", secret)] });
  const mounted = new App({
    routes: [new Route("/", () => "home", { name: "home" }), new Mount("/sub", { app: inner })],
    middleware: [new Middleware(AuthenticationMiddleware, { backend })],
  });
  const flat = new App({
    routes: [new Route("/", () => "home", { name: "home" }), new Mount("/sub", { routes: [new Route("/secret", secret)] })],
    middleware: [new Middleware(AuthenticationMiddleware, { backend })],
  });
  for (const app of [mounted, flat]) {
    const response = await new TestClient(app, { followRedirects: false, rootPath: "/api", baseUrl: "https://example.org" }).get("/api/sub/secret");
    assert.is(response.headers.get("location"), "https://example.org/api/?next=https%3A%2F%2Fexample.org%2Fapi%2Fsub%2Fsecret");
  }
});

ours("requires outside any app or router: the HTTPException is raised, a redirect cannot be built", async () => {
  const scope: Scope = { type: "http", method: "GET", path: "/", headers: [], auth: new AuthCredentials() };
  const request = new Request(scope);
  const error = thrown(() => requires("x")(() => "ok")(request));
  assert.equal([error.name, (error as { statusCode?: number }).statusCode], ["HTTPException", 403]);
  const asyncError = await rejects(requires("x")(async () => "ok")(request));
  assert.equal([asyncError.name, (asyncError as { statusCode?: number }).statusCode], ["HTTPException", 403]);
  assert.throws(() => requires("x", { redirect: "home" })(() => "ok")(request), /The `url_for` method can only be used inside a Starlette application or with a router\./);
  const granted = new Request({ ...scope, auth: new AuthCredentials(["x"]) });
  assert.is(requires("x")((r: Request, n: number) => `${r.method} ${n}`)(granted, 1), "GET 1");
  assert.is(await requires("x", { redirect: "home" })(async (r: Request) => r.method)(granted), "GET");
  const redirect = requires("x", { redirect: "home" })(async (r: Request) => r.method);
  const typed: Promise<string | RedirectResponse> = redirect(granted);
  assert.is(await typed, "GET");
});

// Checked by tsc (npm run typecheck): which decorator type each options shape gives.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const looseOptions: RequiresOptions = {};
export const requiresTypes: [
  Same<ReturnType<typeof requires<Record<never, never>>>, RequiresDecorator>,
  Same<ReturnType<typeof requires<{ redirect: string }>>, RedirectingDecorator>,
  Same<ReturnType<typeof requires<{ redirect: null; statusCode: number }>>, RequiresDecorator>,
  Same<ReturnType<typeof requires<typeof looseOptions>>, RedirectingDecorator>,
  Same<ReturnType<typeof requires<{ statusCode: number }>>, RequiresDecorator>,
] = [true, true, true, true, true];

ours("requires on a websocket: close() (the seam for the WebSocket class), or the handler; `this` is kept", async () => {
  const sent: Message[] = [];
  const scope: Scope = { type: "websocket", path: "/", headers: [], auth: new AuthCredentials(["a"]), user: new SimpleUser("ann") };
  const connection = () => new WebSocket({ ...scope }, async () => ({ type: "websocket.connect" }), async (m) => void sent.push(m));
  const owner = {
    name: "owner",
    handler: requires("a")(async function (this: { name: string }, websocket: WebSocket) {
      await websocket.accept();
      await websocket.sendJson(this.name);
    }),
  };
  assert.is(await owner.handler(connection()), undefined);
  assert.is(await requires("b")(async () => "never")(connection()), undefined);
  assert.equal(sent, [
    { type: "websocket.accept", subprotocol: null, headers: [] },
    { type: "websocket.send", text: '"owner"' },
    { type: "websocket.close", code: 1000, reason: "" },
  ]);
  // A websocket connection without close() is no WebSocket.
  const error = thrown(() => requires("a")(() => null)(new HTTPConnection(scope)));
  assert.instance(error, AssertionError);
  assert.is(error.message, "Parameter with name 'websocket' is required to be of type 'WebSocket' not 'HTTPConnection'");
  // Starlette's type names for what is no connection at all.
  for (const [value, name] of [[null, "NoneType"], [1, "number"], [Object.create(null), "Object"]] as const) {
    assert.match(thrown(() => requires("a")(() => null)(value as unknown as Request)).message, `not '${name}'`);
  }
});

ours("request.user and request.auth without the middleware: Starlette's message, and a hint when it runs inside the reader", async () => {
  const backend = fixed(null);
  const readsUser = async (request: Request, callNext: (r: Request) => Promise<Response>) => {
    void request.user;
    return callNext(request);
  };
  const readsAuth = async (request: Request, callNext: (r: Request) => Promise<Response>) => {
    void request.auth;
    return callNext(request);
  };
  for (const [reader, name] of [[readsUser, "user"], [readsAuth, "auth"]] as const) {
    const misordered = new App({ routes: [new Route("/", () => "ok")] });
    misordered.addMiddleware(AuthenticationMiddleware, { backend });
    misordered.addMiddleware(BaseHTTPMiddleware, reader);
    const error = await rejects(new TestClient(misordered).get("/"));
    assert.instance(error, AssertionError);
    assert.is(
      error.message,
      `AuthenticationMiddleware must be installed to access request.${name}\n` +
        `This app has an AuthenticationMiddleware, but it runs inside the code that read request.${name} (the last middleware added runs first). ` +
        `Add AuthenticationMiddleware after the middleware that reads request.${name}, so that it wraps it.`,
    );
    // A subclass counts; an app without one gets Starlette's sentence alone.
    class MyAuthentication extends AuthenticationMiddleware {}
    const subclassed = new App({ routes: [new Route("/", () => "ok")], middleware: [new Middleware(BaseHTTPMiddleware, reader), new Middleware(MyAuthentication, { backend })] });
    assert.match((await rejects(new TestClient(subclassed).get("/"))).message, /\nThis app has an AuthenticationMiddleware/);
    const without = new App({ routes: [new Route("/", () => "ok")], middleware: [new Middleware(BaseHTTPMiddleware, reader)] });
    assert.is((await rejects(new TestClient(without).get("/"))).message, `AuthenticationMiddleware must be installed to access request.${name}`);
    // In the right order the reader sees them.
    const ordered = new App({ routes: [new Route("/", () => "ok")] });
    ordered.addMiddleware(BaseHTTPMiddleware, reader);
    ordered.addMiddleware(AuthenticationMiddleware, { backend });
    assert.is((await new TestClient(ordered).get("/")).json(), "ok");
  }
});

ours.run();
