// Port of tests/test_routing.py (the parts that apply: no Host routes yet).
import { AssertionError } from "node:assert";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { App } from "../src/applications.js";
import { HTTPException } from "../src/exceptions.js";
import { Middleware } from "../src/middleware/index.js";
import type { Request } from "../src/requests.js";
import { JSONResponse, PlainTextResponse, Response } from "../src/responses.js";
import { BaseRoute, compilePath, Match, Mount, NoMatchFound, Route, Router, WebSocketRoute } from "../src/routing.js";
import { TestClient } from "../src/testclient.js";
import type { ASGIApp, Message, Receive, Scope, Send } from "../src/types.js";
import { WebSocket, WebSocketDisconnect } from "../src/websockets.js";
import { rejects } from "./helpers.js";

const homepage = () => new Response("Hello, world", { mediaType: "text/plain" });
const users = () => new Response("All users", { mediaType: "text/plain" });
const user = (r: Request) => new Response(`User ${r.pathParams.username}`, { mediaType: "text/plain" });
const userMe = () => new Response("User fixed me", { mediaType: "text/plain" });
const disableUser = (r: Request) => new Response(`User ${r.pathParams.username} disabled`, { mediaType: "text/plain" });
const userNoMatch = () => new Response("User nomatch", { mediaType: "text/plain" });
async function partialWsEndpoint(websocket: WebSocket): Promise<void> {
  await websocket.accept();
  await websocket.sendJson({ url: String(websocket.url) });
  await websocket.close();
}

// functools.partial's counterpart here is bind: a function that is no class, with a name of its own.
class PartialRoutes {
  static async asyncWsEndpoint(websocket: WebSocket): Promise<void> {
    await websocket.accept();
    await websocket.sendJson({ url: String(websocket.url) });
    await websocket.close();
  }
}

async function websocket_endpoint(session: WebSocket): Promise<void> {
  await session.accept();
  await session.sendText("Hello, world!");
  await session.close();
}

async function websocketParams(session: WebSocket): Promise<void> {
  await session.accept();
  await session.sendText(`Hello, ${session.pathParams.room as string}!`);
  await session.close();
}

const staticApp: ASGIApp = async (scope, receive, send) => new Response("xxxxx", { mediaType: "image/png" }).call(scope, receive, send);

const app = new Router({
  routes: [
    new Route("/", homepage, { methods: ["GET"] }),
    new Mount("/users", {
      routes: [
        new Route("/", users),
        new Route("/me", userMe),
        new Route("/{username}", user),
        new Route("/{username}:disable", disableUser, { methods: ["PUT"] }),
        new Route("/nomatch", userNoMatch),
      ],
    }),
    new Mount("/partial", {
      routes: [new WebSocketRoute("/ws", partialWsEndpoint.bind(null)), new WebSocketRoute("/ws/cls", PartialRoutes.asyncWsEndpoint.bind(PartialRoutes))],
    }),
    new Mount("/static", { app: staticApp }),
    new Route("/func", () => new PlainTextResponse("Hello, world!"), { methods: ["GET"] }),
    new Route("/int/{param:int}", (r: Request) => new JSONResponse({ int: r.pathParams.param }), { name: "int-convertor" }),
    new Route("/float/{param:float}", (r: Request) => new JSONResponse({ float: r.pathParams.param }), { name: "float-convertor" }),
    new Route("/path/{param:path}", (r: Request) => new JSONResponse({ path: r.pathParams.param }), { name: "path-convertor" }),
    new Route("/uuid/{param:uuid}", (r: Request) => new JSONResponse({ uuid: r.pathParams.param }), { name: "uuid-convertor" }),
    new Route("/path-with-parentheses({param:int})", (r: Request) => new JSONResponse({ int: r.pathParams.param }), { name: "path-with-parentheses" }),
    new WebSocketRoute("/ws", websocket_endpoint),
    new WebSocketRoute("/ws/{room}", websocketParams),
  ],
});
const client = new TestClient(app);

test("test_router", async () => {
  let response = await client.get("/");
  assert.is(response.statusCode, 200);
  assert.is(response.text, "Hello, world");
  response = await client.post("/");
  assert.is(response.statusCode, 405);
  assert.is(response.text, "Method Not Allowed");
  assert.equal(new Set((response.headers.get("allow") as string).split(", ")), new Set(["HEAD", "GET"]));
  response = await client.get("/foo");
  assert.is(response.statusCode, 404);
  assert.is(response.text, "Not Found");
  assert.is((await client.get("/users")).text, "All users");
  assert.is((await client.get("/users/tomchristie")).text, "User tomchristie");
  assert.is((await client.get("/users/me")).text, "User fixed me");
  response = await client.get("/users/tomchristie/");
  assert.is(String(response.url), "http://testserver/users/tomchristie");
  assert.is(response.text, "User tomchristie");
  response = await client.put("/users/tomchristie:disable");
  assert.is(String(response.url), "http://testserver/users/tomchristie:disable");
  assert.is(response.text, "User tomchristie disabled");
  assert.is((await client.get("/users/nomatch")).text, "User nomatch");
  assert.is((await client.get("/static/123")).text, "xxxxx");
});

test("test_route_converters", async () => {
  assert.equal((await client.get("/int/5")).json(), { int: 5 });
  assert.is(app.urlPathFor("int-convertor", { param: 5 }), "/int/5");
  assert.equal((await client.get("/path-with-parentheses(7)")).json(), { int: 7 });
  assert.is(app.urlPathFor("path-with-parentheses", { param: 7 }), "/path-with-parentheses(7)");
  assert.equal((await client.get("/float/25.5")).json(), { float: 25.5 });
  assert.is(app.urlPathFor("float-convertor", { param: 25.5 }), "/float/25.5");
  assert.equal((await client.get("/path/some/example")).json(), { path: "some/example" });
  assert.is(app.urlPathFor("path-convertor", { param: "some/example" }), "/path/some/example");
  assert.equal((await client.get("/uuid/EC38DF32CEDA4CFA9B4A1AEB94AD551A")).json(), { uuid: "ec38df32-ceda-4cfa-9b4a-1aeb94ad551a" });
  assert.is(app.urlPathFor("uuid-convertor", { param: "ec38df32-ceda-4cfa-9b4a-1aeb94ad551a" }), "/uuid/ec38df32-ceda-4cfa-9b4a-1aeb94ad551a");
  assert.is((await client.get("/int/x")).statusCode, 404);
});

test("test_url_path_for", () => {
  const named = new Router({ routes: [new Route("/", homepage, { name: "homepage" }), new Route("/users/{username}", user, { name: "user" })] });
  assert.is(named.urlPathFor("homepage"), "/");
  assert.is(named.urlPathFor("user", { username: "tomchristie" }), "/users/tomchristie");
  assert.throws(() => named.urlPathFor("broken"), (e: Error) => e instanceof NoMatchFound && e.message === 'No route exists for name "broken" and params "".');
  assert.throws(() => named.urlPathFor("broken", { key: "value", key2: "value2" }), /params "key, key2"/);
  assert.throws(() => named.urlPathFor("user", { username: "tom/christie" }), (e: unknown) => e instanceof AssertionError);
  assert.throws(() => named.urlPathFor("user", { username: "" }), (e: unknown) => e instanceof AssertionError);
  assert.is(new Route("/x", homepage).name, "homepage");
  assert.is(app.urlPathFor("websocket_endpoint"), "/ws");
  assert.is(new Route("/x/{id:int}", homepage).urlPathFor("homepage", { id: 3 }), "/x/3");
});

test("test_url_for", () => {
  const named = new Router({ routes: [new Route("/", homepage, { name: "homepage" }), new Route("/users/{username}", user, { name: "user" }), new WebSocketRoute("/ws", websocket_endpoint)] });
  const absolute = (name: string, base: string, params: Record<string, unknown> = {}) => String(named.resolveUrlPath(name, params).makeAbsoluteUrl(base));
  assert.is(absolute("homepage", "https://example.org"), "https://example.org/");
  assert.is(absolute("homepage", "https://example.org/root_path/"), "https://example.org/root_path/");
  assert.is(absolute("user", "https://example.org", { username: "tomchristie" }), "https://example.org/users/tomchristie");
  assert.is(absolute("user", "https://example.org/root_path/", { username: "tomchristie" }), "https://example.org/root_path/users/tomchristie");
  assert.is(absolute("websocket_endpoint", "https://example.org"), "wss://example.org/ws");
  assert.is(absolute("websocket_endpoint", "http://example.org"), "ws://example.org/ws");
  // url_path_for's URLPath is the path as text.
  assert.is(String(named.resolveUrlPath("user", { username: "tom" })), "/users/tom");
});

test("convertor toString checks, as Starlette's", () => {
  const ints = compilePath("/{a:int}/{b:float}").convertors;
  assert.throws(() => ints.a.toString(-1), /Negative integers are not supported/);
  assert.is(ints.b.toString(1.5), "1.5");
  assert.is(ints.b.toString(2), "2");
  assert.throws(() => ints.b.toString(-1), /Negative floats/);
  // As in Python, NaN >= 0 is false, so NaN fails the first check.
  assert.throws(() => ints.b.toString(NaN), /Negative floats/);
  assert.throws(() => ints.b.toString(Infinity), /Infinite values/);
  assert.throws(() => compilePath("/{a:nope}"), /Unknown path convertor 'nope'/);
});

test("compilePath for a host pattern drops the port from the regex, as Starlette's compile_path does", () => {
  // Python: compile_path("{subdomain}.example.org:8000") == (^(?P<subdomain>[^/]+)\.example\.org$, "{subdomain}.example.org:8000", ...)
  for (const path of ["{subdomain}.example.org", "{subdomain}.example.org:8000"]) {
    const compiled = compilePath(path);
    assert.is(compiled.regex.source, "^(?<subdomain>[^/]+)\\.example\\.org$");
    assert.is(compiled.format, path);
    assert.equal(Object.keys(compiled.convertors), ["subdomain"]);
  }
});

test("test_router_middleware", async () => {
  class CustomMiddleware {
    constructor(readonly app: ASGIApp) {}
    async call(scope: Scope, receive: Receive, send: Send) {
      await new PlainTextResponse("OK").call(scope, receive, send);
    }
  }
  const router = new Router({ routes: [new Route("/", homepage)], middleware: [new Middleware(CustomMiddleware)] });
  const response = await new TestClient(router).get("/");
  assert.is(response.text, "OK");
});

test("test_mount_urls and test_reverse_mount_urls", async () => {
  const mounted = new Router({ routes: [new Mount("/users", { app: new Router({ routes: [new Route("/{username}", user, { name: "user" })] }), name: "users" })] });
  assert.is((await new TestClient(mounted).get("/users/tom")).text, "User tom");
  assert.is(mounted.urlPathFor("users", { path: "/a" }), "/users/a");
  assert.is(mounted.urlPathFor("users:user", { username: "tom" }), "/users/tom");
  const nested = new Router({ routes: [new Mount("/{subpath}", { routes: [new Route("/", homepage, { name: "x" })], name: "sub" })] });
  assert.is(nested.urlPathFor("sub:x", { subpath: "test" }), "/test/");
  assert.throws(() => nested.urlPathFor("sub:nope"), (e: unknown) => e instanceof NoMatchFound);
});

test("test_mount_at_root", async () => {
  const mounted = new Router({ routes: [new Mount("/", { app: new Router({ routes: [new Route("/", homepage)] }) })] });
  assert.is((await new TestClient(mounted).get("/")).text, "Hello, world");
});

test("test_standalone_route_matches and test_standalone_route_does_not_match", async () => {
  const route = new Route("/", () => new PlainTextResponse("Hello"));
  assert.is((await new TestClient(route).get("/")).text, "Hello");
  const miss = await new TestClient(route).get("/invalid");
  assert.is(miss.statusCode, 404);
  assert.is(miss.text, "Not Found");
});

test("test_lifespan_state_unsupported and test_lifespan_state", async () => {
  const router = new Router({
    lifespan: async function* () {
      yield { foo: "bar" };
    },
  });
  const sent: string[] = [];
  const messages = [{ type: "lifespan.startup" }, { type: "lifespan.shutdown" }];
  const error = await rejects(router.call({ type: "lifespan" }, async () => messages.shift() as never, async (m) => void sent.push(m.type)));
  assert.is(error.message, 'The server does not support "state" in the lifespan scope.');
  assert.equal(sent, ["lifespan.startup.failed"]);
});

test("test_raise_on_startup and test_raise_on_shutdown", async () => {
  const fails = (where: "startup" | "shutdown") =>
    new Router({
      lifespan: async function* () {
        if (where === "startup") throw new Error("startup boom");
        yield;
        throw new Error("shutdown boom");
      },
    });
  for (const where of ["startup", "shutdown"] as const) {
    const sent: string[] = [];
    const messages = [{ type: "lifespan.startup" }, { type: "lifespan.shutdown" }];
    const error = await rejects(fails(where).call({ type: "lifespan", state: {} }, async () => messages.shift() as never, async (m) => void sent.push(m.type)));
    assert.is(error.message, `${where} boom`);
    assert.equal(sent, where === "startup" ? ["lifespan.startup.failed"] : ["lifespan.startup.complete", "lifespan.shutdown.failed"]);
  }
});

test("a lifespan that throws something other than an Error, or an Error without a stack, reports it as text", async () => {
  const stackless = new Error("no stack");
  stackless.stack = undefined;
  for (const [thrown, text] of [["not an Error", "not an Error"], [stackless, "Error: no stack"]] as const) {
    const router = new Router({
      lifespan: async function* () {
        throw thrown;
      },
    });
    const sent: Message[] = [];
    const messages = [{ type: "lifespan.startup" }];
    const error = await rejects(router.call({ type: "lifespan", state: {} }, async () => messages.shift() as never, async (m) => void sent.push(m)));
    assert.is(error as unknown, thrown);
    assert.equal(sent, [{ type: "lifespan.startup.failed", message: text }]);
  }
});

test("a Mount of a plain ASGI app has no routes; urlPathFor through a Mount lets a convertor's error through", () => {
  const plain = new Mount("/static", { app: staticApp, name: "static" });
  assert.equal(plain.routes, []);
  // A scope without root_path matches; a lifespan scope never does.
  assert.is(plain.matches({ type: "http", path: "/static/a.png" })[0], Match.FULL);
  assert.equal(plain.matches({ type: "lifespan" }), [Match.NONE, {}]);
  assert.throws(() => plain.urlPathFor("static:file", {}), (e: unknown) => e instanceof NoMatchFound);
  const router = new Router({ routes: [new Mount("/items", { routes: [new Route("/{n:int}", homepage, { name: "item" })], name: "items" })] });
  assert.is(router.urlPathFor("items:item", { n: 3 }), "/items/3");
  // As in Starlette, only NoMatchFound means "try the next route": the convertor's AssertionError is the caller's.
  assert.throws(() => router.urlPathFor("items:item", { n: -1 }), (e: unknown) => e instanceof AssertionError && e.message === "Negative integers are not supported");
});

test("a router without a lifespan still answers the protocol", async () => {
  const sent: string[] = [];
  const messages = [{ type: "lifespan.startup" }, { type: "lifespan.shutdown" }];
  await new Router().call({ type: "lifespan" }, async () => messages.shift() as never, async (m) => void sent.push(m.type));
  assert.equal(sent, ["lifespan.startup.complete", "lifespan.shutdown.complete"]);
});

test("test_duplicated_param_names", () => {
  assert.throws(() => new Route("/{id}/{id}", homepage), (e: Error) => e.message === "Duplicated param name id at path /{id}/{id}");
  assert.throws(() => new Route("/{id}/{name}/{id}/{name}", homepage), (e: Error) => e.message === "Duplicated param names id, name at path /{id}/{name}/{id}/{name}");
});

test("test_route_repr and test_mount_repr", () => {
  assert.is(String(new Route("/welcome", homepage)), "Route(path='/welcome', name='homepage', methods=['GET', 'HEAD'])");
  assert.is(String(new Route("/welcome", { call: async () => undefined }, { name: "asgi" })), "Route(path='/welcome', name='asgi', methods=[])");
  assert.match(String(new Mount("/app", { routes: [new Route("/", homepage)] })), /^Mount\(path='\/app', name='', app=/);
});

test("test_paths_with_root_path", async () => {
  const echo = (name: string) => (r: Request) => new JSONResponse({ name, path: r.scope.path, root_path: r.scope.root_path });
  const pathApp: ASGIApp = async (scope, receive, send) => new JSONResponse({ name: "asgipath", path: scope.path, root_path: scope.root_path }).call(scope, receive, send);
  const app = new App({
    routes: [
      new Route("/path", echo("path")),
      new Mount("/asgipath", { app: pathApp }),
      new Mount("/sub", { routes: [new Route("/path", echo("subpath"))] }),
    ],
  });
  const client = new TestClient(app, { baseUrl: "https://www.example.org/", rootPath: "/root" });
  assert.equal((await client.get("/root/path")).json(), { name: "path", path: "/root/path", root_path: "/root" });
  assert.equal((await client.get("/root/asgipath/")).json(), { name: "asgipath", path: "/root/asgipath/", root_path: "/root/asgipath" });
  assert.equal((await client.get("/root/sub/path")).json(), { name: "subpath", path: "/root/sub/path", root_path: "/root/sub" });
});

test("test_exception_on_mounted_apps", async () => {
  const sub = new App({
    routes: [
      new Route("/", () => {
        throw new Error("Exc");
      }),
    ],
  });
  const app = new App({ routes: [new Mount("/sub", { app: sub })] });
  const error = await rejects(new TestClient(app).get("/sub/"));
  assert.is(error.message, "Exc");
});

test("404 and 405 inside an app come from HTTPException and its handlers", async () => {
  const app = new App({ routes: [new Route("/", homepage)], exceptionHandlers: [[HTTPException, (_r, e) => new PlainTextResponse(`handled ${(e as HTTPException).statusCode}`, { statusCode: (e as HTTPException).statusCode })]] });
  const client = new TestClient(app);
  assert.is((await client.get("/nope")).text, "handled 404");
  const response = await client.post("/");
  assert.is(response.text, "handled 405");
});

test("slash redirect: a missing or extra trailing slash redirects when the other matches", async () => {
  const router = new Router({ routes: [new Route("/a/", homepage), new Route("/b", homepage)] });
  const c = new TestClient(router, { followRedirects: false });
  let response = await c.get("/a?x=1");
  assert.is(response.statusCode, 307);
  assert.is(response.headers.get("location"), "http://testserver/a/?x=1");
  response = await c.get("/b/");
  assert.is(response.headers.get("location"), "http://testserver/b");
  assert.is((await c.get("/c")).statusCode, 404);
  const off = new TestClient(new Router({ routes: [new Route("/a/", homepage)], redirectSlashes: false }), { followRedirects: false });
  assert.is((await off.get("/a")).statusCode, 404);
});

test("route middleware and a custom default app", async () => {
  const tag = (app: ASGIApp): ASGIApp => async (scope, receive, send) =>
    app(scope, receive, async (m) => {
      if (m.type === "http.response.start") m.headers = [...(m.headers ?? []), ["x-route", "1"]];
      await send(m);
    });
  const router = new Router({
    routes: [new Route("/", homepage, { middleware: [new Middleware(tag)] }), new Mount("/m", { routes: [new Route("/", homepage)], middleware: [new Middleware(tag)] })],
    default: { call: async (scope: Scope, receive: Receive, send: Send) => new PlainTextResponse("custom 404", { statusCode: 404 }).call(scope, receive, send) },
  });
  const c = new TestClient(router);
  assert.is((await c.get("/")).headers.get("x-route"), "1");
  assert.is((await c.get("/m/")).headers.get("x-route"), "1");
  assert.is((await c.get("/zzz")).text, "custom 404");
  router.addRoute("/late", homepage);
  assert.is((await c.get("/late")).statusCode, 200);
  router.mount("/late-mount", router);
  assert.is((await c.get("/late-mount/late")).statusCode, 200);
});

test("a non-app endpoint object and an empty Mount are refused with a message", () => {
  assert.throws(() => new Route("/", 42 as never), /Expected an ASGI app/);
  assert.throws(() => new Mount("/x", {}), /Either 'app=...', or 'routes=' must be specified/);
  assert.throws(() => new Route("no-slash", homepage), /Routed paths must start with '\/'/);
});

test("a Router refuses a scope type it cannot route, as a rejected promise", async () => {
  const router = new Router({ routes: [new Route("/", () => "ok")] });
  const error = await rejects(router.app({ type: "webtransport" }, async () => ({ type: "x" }), async () => undefined));
  assert.instance(error, AssertionError);
  assert.is(error.message, 'Router cannot handle a "webtransport" scope');
});

test("a route's 405 inside an app is an HTTPException for the handlers, as a rejected promise", async () => {
  const route = new Route("/", () => "ok", { methods: ["GET"] });
  const scope: Scope = { type: "http", method: "POST", path: "/", headers: [], app: {} };
  const error = await rejects(route.handle(scope, async () => ({ type: "http.request" }), async () => undefined));
  assert.instance(error, HTTPException);
  assert.is((error as HTTPException).statusCode, 405);
  assert.equal((error as HTTPException).headers, { Allow: "GET, HEAD" });
});

test("test_router_add_websocket_route", async () => {
  await client.websocketConnect("/ws", {}, async (session) => {
    assert.is(await session.receiveText(), "Hello, world!");
  });
  await client.websocketConnect("/ws/test", {}, async (session) => {
    assert.is(await session.receiveText(), "Hello, test!");
  });
});

const httpEndpoint = (request: Request) => new Response(`URL: ${String(request.urlFor("http_endpoint"))}`, { mediaType: "text/plain" });

class WebSocketEndpoint {
  async call(scope: Scope, receive: Receive, send: Send): Promise<void> {
    const websocket = new WebSocket(scope, receive, send);
    await websocket.accept();
    await websocket.sendJson({ URL: String(websocket.urlFor("websocket_endpoint")) });
    await websocket.close();
  }
}

const mixedProtocolApp = new Router({
  routes: [new Route("/", httpEndpoint, { name: "http_endpoint" }), new WebSocketRoute("/", new WebSocketEndpoint(), { name: "websocket_endpoint" })],
});

test("test_protocol_switch", async () => {
  const client = new TestClient(mixedProtocolApp);
  const response = await client.get("/");
  assert.is(response.statusCode, 200);
  assert.is(response.text, "URL: http://testserver/");
  await client.websocketConnect("/", {}, async (session) => {
    assert.equal(await session.receiveJson(), { URL: "ws://testserver/" });
  });
  assert.instance(await rejects(client.websocketConnect("/404")), WebSocketDisconnect);
});

async function wsHelloworld(websocket: WebSocket): Promise<void> {
  await websocket.accept();
  await websocket.sendText("Hello, world!");
  await websocket.close();
}

test("test_standalone_ws_route_matches", async () => {
  const client = new TestClient(new WebSocketRoute("/", wsHelloworld));
  await using websocket = await client.websocketConnect("/");
  assert.is(await websocket.receiveText(), "Hello, world!");
});

test("test_standalone_ws_route_does_not_match", async () => {
  const client = new TestClient(new WebSocketRoute("/", wsHelloworld));
  const error = await rejects(client.websocketConnect("/invalid"));
  assert.instance(error, WebSocketDisconnect);
  // Closed before accept, as Starlette's WebSocketClose: the server refuses the handshake with 403.
  assert.is((error as WebSocketDisconnect).code, 1000);
});

test("test_partial_async_ws_endpoint", async () => {
  await client.websocketConnect("/partial/ws", {}, async (websocket) => {
    assert.equal(await websocket.receiveJson(), { url: "ws://testserver/partial/ws" });
  });
  await client.websocketConnect("/partial/ws/cls", {}, async (websocket) => {
    assert.equal(await websocket.receiveJson(), { url: "ws://testserver/partial/ws/cls" });
  });
});

test("test_websocket_route_middleware", async () => {
  async function websocketEndpoint(session: WebSocket): Promise<void> {
    await session.accept();
    await session.sendText("Hello, world!");
    await session.close();
  }
  class WebsocketMiddleware {
    constructor(readonly app: ASGIApp) {}
    async call(scope: Scope, receive: Receive, send: Send): Promise<void> {
      const modifiedSend = async (msg: Message) => {
        if (msg.type === "websocket.accept") (msg.headers as Array<[string, string]>).push(["X-Test", "Set by middleware"]);
        await send(msg);
      };
      await this.app(scope, receive, modifiedSend);
    }
  }
  const app = new App({ routes: [new WebSocketRoute("/ws", websocketEndpoint, { middleware: [new Middleware(WebsocketMiddleware)] })] });
  await using websocket = await new TestClient(app).websocketConnect("/ws");
  assert.is(await websocket.receiveText(), "Hello, world!");
  assert.equal(websocket.extraHeaders, [["X-Test", "Set by middleware"]]);
});

test("test_websocket_route_repr", () => {
  const route = new WebSocketRoute("/ws", websocket_endpoint);
  assert.is(String(route), "WebSocketRoute(path='/ws', name='websocket_endpoint')");
  // An ASGI object is named after its class, as Starlette's get_name.
  assert.is(new WebSocketRoute("/ws", new WebSocketEndpoint()).name, "WebSocketEndpoint");
  assert.is(new WebSocketRoute("/ws", new WebSocketEndpoint()).urlPathFor("WebSocketEndpoint"), "/ws");
});

test("websocket routing: a Mount passes websocket scopes on with path params; an http-only Route or a ws route never crosses over", async () => {
  const router = new Router({
    routes: [
      new Route("/same", () => "http"),
      new Mount("/rooms/{house}", { routes: [new WebSocketRoute("/{room:int}", async (ws: WebSocket) => {
        await ws.accept();
        await ws.sendJson({ params: ws.pathParams, root: ws.scope.root_path });
        await ws.close();
      })] }),
    ],
  });
  const client = new TestClient(router);
  await client.websocketConnect("/rooms/a/12", {}, async (ws) => {
    assert.equal(await ws.receiveJson(), { params: { house: "a", room: 12 }, root: "/rooms/a" });
  });
  // An http route does not match a websocket scope: refused before accept.
  assert.instance(await rejects(client.websocketConnect("/same")), WebSocketDisconnect);
  // No slash redirect for a websocket: /rooms/a/12/ does not match.
  assert.instance(await rejects(client.websocketConnect("/rooms/a/12/")), WebSocketDisconnect);
  assert.is((await client.get("/rooms/a/12")).statusCode, 404);
  // Router.addWebsocketRoute, Starlette's add_websocket_route.
  router.addWebsocketRoute("/late", wsHelloworld, { name: "late" });
  assert.is(router.urlPathFor("late"), "/late");
  await client.websocketConnect("/late", {}, async (ws) => assert.is(await ws.receiveText(), "Hello, world!"));
  assert.throws(() => new WebSocketRoute("nope", wsHelloworld), /Routed paths must start with '\/'/);
  assert.throws(() => router.urlPathFor("late", { extra: 1 }), (e: unknown) => e instanceof NoMatchFound);
});

test("urlFor from a websocket: ws:// for a websocket route, http:// for an http route, the base URL's scheme for a path with no protocol", async () => {
  // A route of one's own that only knows its path, as Starlette's BaseRoute subclasses return a plain URLPath.
  class Fixed extends BaseRoute {
    matches(): [Match, Partial<Scope>] {
      return [Match.NONE, {}];
    }
    urlPathFor(name: string): string {
      if (name !== "fixed") throw new NoMatchFound(name, {});
      return "/fixed";
    }
    async handle(): Promise<void> {}
  }
  const router = new Router({
    routes: [
      new Fixed(),
      new Route("/page", homepage, { name: "page" }),
      new Mount("/files", { app: staticApp, name: "files" }),
      new WebSocketRoute("/ws", async (websocket: WebSocket) => {
        await websocket.accept();
        const names: Array<[string, Record<string, unknown>]> = [["fixed", {}], ["page", {}], ["files", { path: "/a.txt" }], ["ws", {}]];
        await websocket.sendJson(names.map(([name, params]) => String(websocket.urlFor(name, params))));
        await websocket.close();
      }, { name: "ws" }),
    ],
  });
  const client = new TestClient(router, {});
  await client.websocketConnect("wss://example.org/ws", {}, async (websocket) => {
    assert.equal(await websocket.receiveJson(), ["wss://example.org/fixed", "https://example.org/page", "wss://example.org/files/a.txt", "wss://example.org/ws"]);
  });
  // An app or router in the scope with only urlPathFor (no resolveUrlPath): the base URL's scheme.
  const plain = new WebSocket({ type: "websocket", scheme: "ws", path: "/", headers: [["host", "h"]], router: { urlPathFor: () => "/only-path" } }, async () => ({ type: "websocket.connect" }), async () => undefined);
  assert.is(String(plain.urlFor("anything")), "ws://h/only-path");
});

test.run();
