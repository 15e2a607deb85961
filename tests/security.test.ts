// No Python counterpart: what bad input must not do. Prototype pollution,
// header injection, oversized cookies and bodies, options browsers refuse.
import { request as httpRequest } from "node:http";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { App } from "../src/applications.js";
import { MutableHeaders } from "../src/datastructures.js";
import { Middleware } from "../src/middleware/index.js";
import { SessionMiddleware } from "../src/middleware/sessions.js";
import type { Request } from "../src/requests.js";
import { PlainTextResponse, Response } from "../src/responses.js";
import { Route } from "../src/routing.js";
import { serve } from "../src/server.js";
import { TestClient } from "../src/testclient.js";
import type { ASGIApp } from "../src/types.js";
import { rejects } from "./helpers.js";

const clean = () => ({}) as Record<string, unknown>;

test("no prototype pollution through JSON bodies, query strings, forms, cookies or sessions", async () => {
  const app = new App({
    routes: [
      new Route(
        "/",
        async (request: Request) => {
          const json = await request.json<Record<string, unknown>>();
          const query = request.queryParams.toJSON();
          const cookies = request.cookies;
          request.session.update(json);
          request.session.set("__proto__", { polluted: true });
          request.session.set("constructor", { prototype: { polluted: true } });
          return { jsonKeys: Object.keys(json), query: Object.keys(query), cookies: Object.keys(cookies), session: Object.keys(request.session.toObject()) };
        },
        { methods: ["POST"] },
      ),
      new Route("/form", async (request: Request) => ({ form: Object.keys((await request.form()).toJSON()) }), { methods: ["POST"] }),
    ],
    middleware: [new Middleware(SessionMiddleware, { secretKey: "k" })],
  });
  const client = new TestClient(app);
  const response = await client.post("/?__proto__[polluted]=1&__proto__=x&constructor=y", {
    content: '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}',
    headers: { "content-type": "application/json", cookie: "__proto__=x; constructor=y" },
  });
  assert.is(response.statusCode, 200);
  const body = response.json() as Record<string, string[]>;
  assert.ok(body.jsonKeys.includes("__proto__"));
  assert.ok(body.query.includes("__proto__"));
  assert.ok(body.cookies.includes("__proto__"));
  assert.ok(body.session.includes("__proto__"));
  // The session cookie round-trips those keys as data.
  const again = await client.post("/", { content: "{}", headers: { "content-type": "application/json" } });
  assert.ok((again.json() as Record<string, string[]>).session.includes("constructor"));
  const form = await client.post("/form", { content: "__proto__=x&constructor=y&prototype=z", headers: { "content-type": "application/x-www-form-urlencoded" } });
  assert.equal((form.json() as { form: string[] }).form, ["__proto__", "constructor", "prototype"]);
  const multipart = "--b\r\nContent-Disposition: form-data; name=\"__proto__\"\r\n\r\nx\r\n--b--\r\n";
  const mp = await client.post("/form", { content: multipart, headers: { "content-type": "multipart/form-data; boundary=b" } });
  assert.equal((mp.json() as { form: string[] }).form, ["__proto__"]);
  assert.is(clean().polluted, undefined);
  assert.is((Object.prototype as Record<string, unknown>).polluted, undefined);
});

test("sameSite none without httpsOnly is refused: browsers drop such cookies", () => {
  assert.throws(() => new SessionMiddleware(async () => undefined, { secretKey: "k", sameSite: "none" }), /sameSite "none" needs httpsOnly: true/);
  new SessionMiddleware(async () => undefined, { secretKey: "k", sameSite: "none", httpsOnly: true });
});

test("a session cookie over 4096 bytes: one warning per app, an error in debug mode", async () => {
  const big = (debug: boolean) =>
    new App({
      debug,
      routes: [new Route("/", (r: Request) => (r.session.set("blob", "x".repeat(5000)), new PlainTextResponse("ok")))],
      middleware: [new Middleware(SessionMiddleware, { secretKey: "k" })],
    });
  const warnings: string[] = [];
  const onWarning = (w: Error) => warnings.push(w.message);
  process.on("warning", onWarning);
  try {
    const client = new TestClient(big(false));
    await client.get("/");
    await client.get("/");
    await new Promise((r) => setImmediate(r));
    assert.is(warnings.filter((w) => w.includes("browsers drop cookies over 4096 bytes")).length, 1);
  } finally {
    process.off("warning", onWarning);
  }
  const error = await rejects(new TestClient(big(true)).get("/"));
  assert.match(error.message, /^The session cookie is \d+ bytes; browsers drop cookies over 4096 bytes/);
});

test("response header values with CR or LF are refused everywhere a header is made", async () => {
  assert.throws(() => new Response("x", { headers: { "x-a": "1\r\nSet-Cookie: evil=1" } }), /must not contain CR, LF or NUL/);
  assert.throws(() => new MutableHeaders().set("x", "a\nb"), /must not contain CR, LF or NUL/);
  assert.throws(() => new Response().setCookie("k", "v", { domain: "a.com\r\nx: y" }), /CR, LF or NUL/);
  const rawApp: ASGIApp = async (scope, _receive, send) => {
    if (scope.type === "lifespan") return;
    await send({ type: "http.response.start", status: 200, headers: [["x-a", "1\r\nInjected: yes"]] });
    await send({ type: "http.response.body", body: new Uint8Array() });
  };
  const server = await serve(rawApp, { port: 0, handleSignals: false, log: () => undefined });
  try {
    const reply = await fetch(`${server.url}/`);
    assert.is(reply.status, 500);
    assert.is(reply.headers.get("injected"), null);
  } finally {
    await server.close();
  }
});

test("serve({ maxBodySize }): 413 for a declared or a streamed body past the limit", async () => {
  let reached = 0;
  const app = new App();
  app.post("/", async (r: Request) => (reached++, { size: (await r.body()).byteLength }));
  const server = await serve(app, { port: 0, handleSignals: false, log: () => undefined, maxBodySize: 1000 });
  try {
    const small = await fetch(`${server.url}/`, { method: "POST", body: "x".repeat(1000) });
    assert.equal(await small.json(), { size: 1000 });
    const big = await fetch(`${server.url}/`, { method: "POST", body: "x".repeat(1001) });
    assert.is(big.status, 413);
    assert.is(await big.text(), "Content Too Large");
    assert.is(reached, 1, "a declared oversized body never reaches the app");
    const chunked = await new Promise<number>((resolve) => {
      const req = httpRequest({ host: server.host, port: server.port, method: "POST", path: "/", headers: { "transfer-encoding": "chunked" } }, (res) => {
        res.resume();
        resolve(res.statusCode as number);
      });
      req.on("error", () => resolve(-1));
      req.write("x".repeat(800));
      setTimeout(() => req.end("x".repeat(800)), 20);
    });
    assert.ok(chunked === 413 || chunked === -1, `chunked: ${chunked}`);
    assert.equal(await (await fetch(`${server.url}/`, { method: "POST", body: "ok" })).json(), { size: 2 }, "still serving");
  } finally {
    await server.close();
  }
  await rejects(serve(app, { port: 0, handleSignals: false, log: () => undefined, maxBodySize: -1 }));
});

test.run();
