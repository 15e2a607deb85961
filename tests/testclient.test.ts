// Port of tests/test_testclient.py (the parts that apply), and the cookie jar
// behaviour httpx gives Starlette's TestClient.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { App } from "../src/applications.js";
import { Request } from "../src/requests.js";
import { JSONResponse, PlainTextResponse, Response } from "../src/responses.js";
import { CookieJar, TestClient } from "../src/testclient.js";
import { URL } from "../src/datastructures.js";
import type { ASGIApp } from "../src/types.js";
import { rejects } from "./helpers.js";

const echo: ASGIApp = async (scope, receive, send) => {
  const request = new Request(scope, receive);
  const body = new TextDecoder().decode(await request.body());
  await new JSONResponse({
    method: request.method,
    url: String(request.url),
    headers: request.headers.items(),
    cookies: { ...request.cookies },
    body,
    client: scope.client,
  }).call(scope, receive, send);
};

test("test_use_testclient_as_contextmanager: enter() and exit() run the lifespan once", async () => {
  const events: string[] = [];
  const app = new App({
    lifespan: async function* () {
      events.push("startup");
      yield;
      events.push("shutdown");
    },
  });
  const client = new TestClient(app);
  assert.is(await client.enter(), client);
  assert.equal(events, ["startup"]);
  await client.exit();
  await client.exit();
  assert.equal(events, ["startup", "shutdown"]);
});

test("run() exits even when the body throws", async () => {
  const events: string[] = [];
  const app = new App({
    lifespan: async function* () {
      yield;
      events.push("shutdown");
    },
  });
  const error = await rejects(new TestClient(app).run(async () => {
    throw new Error("in body");
  }));
  assert.is(error.message, "in body");
  assert.equal(events, ["shutdown"]);
});

test("an app that ignores lifespan is fine; one that fails it raises", async () => {
  await new TestClient(async () => undefined).run(async () => undefined);
  const failing: ASGIApp = async (scope, receive, send) => {
    await receive();
    await send({ type: "lifespan.startup.failed", message: "nope" });
  };
  assert.is((await rejects(new TestClient(failing).enter())).message, "nope");
  const failsShutdown: ASGIApp = async (scope, receive, send) => {
    await receive();
    await send({ type: "lifespan.startup.complete" });
    await receive();
    await send({ type: "lifespan.shutdown.failed", message: "late" });
  };
  const client = await new TestClient(failsShutdown).enter();
  assert.is((await rejects(client.exit())).message, "late");
  const throws: ASGIApp = async () => {
    throw new Error("raw");
  };
  assert.is((await rejects(new TestClient(throws).enter())).message, "raw");
  // A message that answers no step in progress (here a second startup.complete) is passed over.
  const repeats: ASGIApp = async (scope, receive, send) => {
    await receive();
    await send({ type: "lifespan.startup.complete" });
    await send({ type: "lifespan.startup.complete" });
    await receive();
    await send({ type: "lifespan.shutdown.complete" });
  };
  await (await new TestClient(repeats).enter()).exit();
});

test("the scope a request gets: host, client, headers, query, http version", async () => {
  const client = new TestClient(echo, { headers: { "x-default": "1" } });
  const response = await client.get("/path", { params: { a: [1, 2], b: "x y" } });
  const body = response.json() as { url: string; headers: Array<[string, string]>; client: unknown };
  assert.is(body.url, "http://testserver/path?a=1&a=2&b=x+y");
  assert.equal(body.client, ["testclient", 50000]);
  assert.equal(body.headers.slice(0, 6), [["host", "testserver"], ["accept", "*/*"], ["accept-encoding", "gzip, deflate"], ["connection", "keep-alive"], ["user-agent", "testclient"], ["x-default", "1"]]);
  const port = await new TestClient(echo, { baseUrl: "http://h:8000" }).get("/?q=1", { params: "r=2" });
  assert.equal((port.json() as { url: string }).url, "http://h:8000/?q=1&r=2");
});

test("bodies: json, data (form), content; content-length for POST even when empty", async () => {
  const client = new TestClient(echo);
  const json = (await client.post("/", { json: { a: 1 } })).json() as { body: string; headers: Array<[string, string]> };
  assert.is(json.body, '{"a":1}');
  assert.ok(json.headers.some(([k, v]) => k === "content-type" && v === "application/json"));
  const form = (await client.put("/", { data: { a: "1 2", b: ["x", "y"] } })).json() as { body: string };
  assert.is(form.body, "a=1+2&b=x&b=y");
  const raw = (await client.patch("/", { content: new Uint8Array([104, 105]) })).json() as { body: string };
  assert.is(raw.body, "hi");
  const empty = (await client.post("/")).json() as { headers: Array<[string, string]> };
  assert.ok(empty.headers.some(([k, v]) => k === "content-length" && v === "0"));
  const del = (await client.delete("/")).json() as { method: string };
  assert.is(del.method, "DELETE");
  assert.is((await client.options("/")).statusCode, 200);
});

test("test_client: raiseServerExceptions false gives the 500 the app sent", async () => {
  const app = new App();
  app.get("/")(() => {
    throw new Error("boom");
  });
  const response = await new TestClient(app, { raiseServerExceptions: false }).get("/");
  assert.is(response.statusCode, 500);
  const silent: ASGIApp = async () => {
    throw new Error("before start");
  };
  const bare = await new TestClient(silent, { raiseServerExceptions: false }).get("/");
  assert.is(bare.statusCode, 500);
  assert.is(bare.text, "");
});

test("an app that sends nothing, or sends out of order, fails the request", async () => {
  assert.is((await rejects(new TestClient(async () => undefined).get("/"))).message, "TestClient did not receive any response.");
  const twice: ASGIApp = async (_s, _r, send) => {
    await send({ type: "http.response.start", status: 200 });
    await send({ type: "http.response.start", status: 200 });
  };
  assert.match((await rejects(new TestClient(twice).get("/"))).message, /Expected ASGI message "http.response.body"/);
  const bodyFirst: ASGIApp = async (_s, _r, send) => send({ type: "http.response.body", body: new Uint8Array() });
  assert.match((await rejects(new TestClient(bodyFirst).get("/"))).message, /Expected ASGI message "http.response.start"/);
});

test("the app's receive: the body once, then http.disconnect after the response", async () => {
  const seen: string[] = [];
  const app: ASGIApp = async (_scope, receive, send) => {
    seen.push((await receive()).type);
    await send({ type: "http.response.start", status: 200 });
    await send({ type: "http.response.body", body: new Uint8Array() });
    seen.push((await receive()).type);
  };
  await new TestClient(app).get("/");
  assert.equal(seen, ["http.request", "http.disconnect"]);
});

test("redirects: followed by default (303 turns POST into GET, 307 keeps it), not with followRedirects false", async () => {
  const app: ASGIApp = async (scope, receive, send) => {
    const request = new Request(scope, receive);
    let response: Response;
    if (scope.path === "/303") response = new Response(null, { statusCode: 303, headers: { location: "/final" } });
    else if (scope.path === "/307") response = new Response(null, { statusCode: 307, headers: { location: "http://testserver/final" } });
    else response = new PlainTextResponse(`${request.method} ${new TextDecoder().decode(await request.body())}`);
    await response.call(scope, receive, send);
  };
  const client = new TestClient(app);
  assert.is((await client.post("/303", { content: "x" })).text, "GET ");
  assert.is((await client.post("/307", { content: "x" })).text, "POST x");
  const stopped = await new TestClient(app, { followRedirects: false }).post("/303");
  assert.is(stopped.statusCode, 303);
  assert.is((await client.head("/303")).statusCode, 200);
});

test("cookie jar: stores Set-Cookie, sends it back on matching paths, honours deletion", async () => {
  const app: ASGIApp = async (scope, receive, send) => {
    const request = new Request(scope, receive);
    const response = new JSONResponse({ ...request.cookies });
    if (scope.path === "/set") {
      response.setCookie("a", "1");
      response.setCookie("scoped", "2", { path: "/only" });
      response.setCookie("sec", "3", { secure: true });
    }
    if (scope.path === "/del") response.deleteCookie("a");
    if (scope.path === "/expired") response.setCookie("b", "x", { expires: new Date(0) });
    await response.call(scope, receive, send);
  };
  const client = new TestClient(app);
  await client.get("/set");
  assert.equal((await client.get("/")).json(), { a: "1" }, "no scoped cookie, no secure cookie over http");
  assert.equal((await client.get("/only/x")).json(), { scoped: "2", a: "1" }, "longer paths first");
  assert.equal((await client.get("/onlyx")).json(), { a: "1" });
  assert.equal((await client.get("/", { cookies: { extra: "e" } })).json(), { a: "1", extra: "e" });
  assert.is(client.cookies.get("a"), "1");
  await client.get("/del");
  assert.is(client.cookies.get("a"), null);
  await client.get("/expired");
  assert.is(client.cookies.get("b"), null);
  const secure = new TestClient(app, { baseUrl: "https://testserver" });
  await secure.get("/set");
  assert.equal((await secure.get("/")).json(), { a: "1", sec: "3" });
});

test("CookieJar: set, delete, clear, size, toJSON, domain matching and expiry", () => {
  const jar = new CookieJar();
  jar.set("a", "1");
  jar.set("a", "2");
  jar.set("old", "x", { expires: Date.now() - 1000 });
  assert.is(jar.size, 1);
  assert.equal(jar.toJSON(), { a: "2" });
  jar.store("d=1; Domain=.example.com; Path=/p; HttpOnly", new URL("http://www.example.com/p/q"));
  jar.store("noequals", new URL("http://x/"));
  jar.store("m=1; Max-Age=100; expires=junk", new URL("http://x/dir/page"));
  assert.equal([...jar].find((c) => c.name === "d"), { name: "d", value: "1", domain: "example.com", path: "/p", secure: false, httpOnly: true, expires: null });
  assert.is([...jar].find((c) => c.name === "m")?.path, "/dir");
  assert.is(jar.headerFor(new URL("http://api.example.com/p")), "d=1; a=2");
  assert.is(jar.headerFor(new URL("http://other.org/")), "a=2");
  jar.delete("a");
  jar.clear();
  assert.is(jar.headerFor(new URL("http://x/")), null);
});

test("a URL with no path is a request for /, and its cookies are sent back there", async () => {
  const app = new App();
  app.get("/")((request: Request) => {
    const response = new PlainTextResponse(`${request.url.path} ${request.cookies.a ?? "-"}`);
    response.setCookie("a", "1");
    return response;
  });
  const client = new TestClient(app);
  assert.is((await client.get("http://testserver")).text, "/ -");
  assert.is((await client.get("http://testserver")).text, "/ 1");
});

test("a relative baseUrl: the scheme is http and the host testserver; the jar keeps its cookies host-free", async () => {
  const app = new App();
  app.get("/api/items")((request: Request) => {
    const response = new PlainTextResponse(`${request.url} ${request.headers.get("host")} ${request.cookies.seen ?? "-"}`);
    response.setCookie("seen", "yes");
    return response;
  });
  const client = new TestClient(app, { baseUrl: "/api" });
  assert.is((await client.get("/items")).text, "http://testserver/api/items testserver -");
  assert.is((await client.get("items")).text, "http://testserver/api/items testserver yes");
  assert.equal([...client.cookies].map((c) => [c.name, c.domain, c.path]), [["seen", "", "/"]]);
});

test.run();
