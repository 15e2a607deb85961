// No Starlette counterpart: toFetchHandler (src/fetch.ts) on Node's own Request and
// Response. The scenario suite of tests/fetch/scenarios.ts, which the runtime tests
// (tests/fetch/*.test.ts) run over HTTP, then the adapter's edges one by one.
import { spawnSync } from "node:child_process";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { App } from "../src/applications.js";
import { clientFromBun, clientFromDeno, clientFromHeader, ClientDisconnected, toFetchHandler, type BunServerLike, type FetchHandlerOptions } from "../src/fetch.js";
import { JSONResponse } from "../src/responses.js";
import { Route } from "../src/routing.js";
import { TestClient } from "../src/testclient.js";
import type { ASGIApp, Message, Scope } from "../src/types.js";
import { createApps, handlers, SECRETS, type Handlers } from "./fetch/app.js";
import { answer, describeScenarios, EXCHANGES, TextPipe, type Duplex, type Transport } from "./fetch/scenarios.js";
import { PYTHON, requirePython, runPython } from "./python.js";

const BASE = "http://127.0.0.1:8000";
const encoder = new TextEncoder();
const text = (body: string) => encoder.encode(body);

/** The suite's transport on Node: Requests handed to the handlers in-process, with a Bun-like server object for clientFromBun. */
function inProcess(h: Handlers<BunServerLike>): Transport {
  const server: BunServerLike = { requestIP: () => ({ address: "127.0.0.1", port: 50000 }) };
  return {
    fetch: async (path, init) => h.fetch(new Request(BASE + path, init), server),
    async open(path): Promise<Duplex> {
      let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
      const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
      const feed = controller as ReadableStreamDefaultController<Uint8Array>;
      const pipe = new TextPipe();
      const abort = new AbortController();
      const init = { method: "POST", body, duplex: "half", signal: abort.signal } as RequestInit;
      const response = Promise.resolve(h.fetch(new Request(BASE + path, init), server));
      const status = response.then(async (r) => {
        void (async () => {
          const decoder = new TextDecoder();
          for await (const chunk of r.body as ReadableStream<Uint8Array>) pipe.push(decoder.decode(chunk));
          pipe.end();
        })();
        return r.status;
      });
      return { write: (chunk) => feed.enqueue(text(chunk)), end: () => feed.close(), abort: () => abort.abort(), status, read: (n) => pipe.read(n), rest: () => pipe.rest() };
    },
    server: ["127.0.0.1", 8000],
    checkClient: (client) => assert.equal(client, ["127.0.0.1", 50000]),
  };
}

const logged: string[] = [];
const node = handlers<BunServerLike>(clientFromBun, (line) => void logged.push(line));
describeScenarios(test, () => inProcess(node));

// ---------------------------------------------------------------- the Node run against the core's TestClient

test("every answer is the one the app gives through the core's TestClient (the ASGI messages it sent)", async () => {
  const apps = createApps();
  const t = inProcess(node);
  for (const [path, init] of EXCHANGES) {
    if (path.startsWith("/raw/")) continue; // the adapter's own answers: checked above
    const where = `${init?.method ?? "GET"} ${path}`;
    const [app, appPath] = path.startsWith("/fastapi/") ? [apps.fastapi, path.slice("/fastapi".length)] : [apps.app, path];
    const headers = [...new Headers(init?.headers)] as Array<[string, string]>;
    const reply = await new TestClient(app, { raiseServerExceptions: false }).request(init?.method ?? "GET", appPath, { headers, content: init?.body as string | undefined });
    const start = reply.messages.find((m) => m.type === "http.response.start") as Message;
    const body = init?.method === "HEAD" ? [] : reply.messages.filter((m) => m.type === "http.response.body").map((m) => Buffer.from(m.body ?? []));
    const expected = { status: start.status, headers: [...new Headers(start.headers)], body: Buffer.concat(body).toString("latin1") };
    assert.equal(await answer(await t.fetch(path, init)), expected, where);
  }
});

test("the adapter logs what serve() logs for the bare app's failures", () => {
  for (const line of ["ERROR:    Exception in ASGI application\nError: raised before the response", "ERROR:    ASGI callable returned without starting response.", "ERROR:    ASGI callable returned without completing response."]) {
    assert.ok(logged.some((l) => l.startsWith(line)), `${line}\n-- logged:\n${logged.join("\n")}`);
  }
});

if (requirePython("starlette", "itsdangerous", "httpx")) {
  test("sessions through the adapter: Starlette 1.x (the venv) writes the same Set-Cookie and reads ours", async () => {
    const t = inProcess(node);
    const sessions = [{ user: "ann" }, { name: "Zoë ☕", city: "東京" }, { nested: { list: [1, 2, { deep: [true, null] }] }, n: -7.5 }];
    const cases = [];
    for (const [i, session] of sessions.entries()) {
      const secret = SECRETS[i];
      const now = 1700000000 + i;
      const response = await t.fetch(`/session/${i}/set`, { method: "POST", headers: { "content-type": "application/json", "x-now": String(now) }, body: JSON.stringify(session) });
      const setCookie = response.headers.getSetCookie()[0];
      cases.push({ secret, now, session, session_json: JSON.stringify(session), their_cookie: /^session=([^;]*);/.exec(setCookie)?.[1], set_cookie: setCookie });
    }
    const python = runPython<Array<{ set_cookie: string; seen: unknown }>>("starlette_sessions", cases);
    for (const [i, c] of cases.entries()) {
      assert.is(python[i].set_cookie, c.set_cookie, `session ${i}: the same Set-Cookie bytes`);
      assert.equal(python[i].seen, c.session, `session ${i}: Starlette reads ours`);
    }
  });

  test("scope.path: the raw path unquoted as Python's urllib.parse.unquote does", async () => {
    const paths = ["/caf%C3%A9/%zz/%E0%A4%A/%FF%41", "/a%20b", "/%2F%2f", "/plain"];
    const code = "import json, sys, urllib.parse; print(json.dumps([urllib.parse.unquote(p) for p in json.load(sys.stdin)]))";
    const expected = JSON.parse(spawnSync(PYTHON, ["-c", code], { input: JSON.stringify(paths), encoding: "utf8" }).stdout) as string[];
    const handler = toFetchHandler(echoScope);
    for (const [i, path] of paths.entries()) {
      const scope = (await (await handler(new Request(BASE + path))).json()) as Scope;
      assert.is(scope.path, expected[i], path);
      assert.is(scope.raw_path, path);
    }
  });
}

// ---------------------------------------------------------------- the adapter's edges

/** A bare app answering with the JSON of its scope (the parts JSON can hold). */
const echoScope: ASGIApp = async (scope, _receive, send) => {
  if (scope.type !== "http") return;
  const { type, asgi, http_version, server, client, scheme, method, root_path, path, raw_path, query_string, headers, state } = scope;
  await send({ type: "http.response.start", status: 200, headers: [["content-type", "application/json"]] });
  const body = { type, asgi, http_version, server, client, scheme, method, root_path, path, raw_path, query_string, headers, state };
  await send({ type: "http.response.body", body: text(JSON.stringify(body)) });
};

/** Fails unless the promise rejects with an error whose message matches. */
async function rejects(promise: Promise<unknown>, pattern: RegExp, where = ""): Promise<void> {
  const outcome = await promise.then(
    () => "resolved",
    (exc: unknown) => (exc instanceof Error ? exc.message : String(exc)),
  );
  assert.match(outcome, pattern, where);
}

const scopeOf = async (handler: (request: Request) => Response | Promise<Response>, request: Request) => (await (await handler(request)).json()) as Scope;

/** A handler whose log lines are kept. */
function quiet<Env = unknown>(app: Parameters<typeof toFetchHandler>[0], options: FetchHandlerOptions<Env> = {}) {
  const lines: string[] = [];
  const handler = toFetchHandler<Env>(app, { log: (line) => void lines.push(line), ...options });
  return { handler, lines };
}

test("an app that answers without waiting gets its Response back at once, not a promise; one that waits, a promise", async () => {
  const app = new App({ routes: [new Route("/", () => new JSONResponse({ at: "once" }))] });
  const handler = toFetchHandler(app, { lifespan: "off" });
  const now = handler(new Request("http://h/"));
  assert.instance(now, Response);
  assert.equal(await (now as Response).json(), { at: "once" });
  const later = toFetchHandler(echoScope, { lifespan: "off" })(new Request("http://h/"));
  assert.instance(later, Promise);
  assert.is((await later).status, 200);
});

test("options: an unknown or mistyped one is a TypeError naming it", () => {
  assert.throws(() => toFetchHandler(echoScope, { root_path: "/x" } as FetchHandlerOptions), /toFetchHandler\(\) got an unexpected option "root_path"; did you mean "rootPath"\?/);
  assert.throws(() => toFetchHandler(echoScope, { lifespan: "yes" as "on" }), /option "lifespan" must be "auto", "on" or "off", got "yes"/);
  assert.throws(() => toFetchHandler(echoScope, { highWaterMark: -1 }), /option "highWaterMark" must be a whole number of bytes, got -1/);
  assert.throws(() => toFetchHandler(echoScope, { client: "me" as never }), /option "client" must be a function/);
});

test("scope: ASGI 3.0, state {}, server from the URL's host and port or the scheme's default, rootPath", async () => {
  const handler = toFetchHandler(echoScope, { rootPath: "/api" });
  const scope = await scopeOf(handler, new Request("https://example.com/api/x?q=1#frag?ment", { method: "PUT", headers: { "X-A": "1" } }));
  assert.equal(scope, {
    type: "http", asgi: { version: "3.0", spec_version: "2.4" }, http_version: "1.1", server: ["example.com", 443], client: null, scheme: "https",
    method: "PUT", root_path: "/api", path: "/api/x", raw_path: "/api/x", query_string: "q=1", headers: [["x-a", "1"]], state: {},
  });
  assert.equal((await scopeOf(handler, new Request("http://[::1]:8443/a#b"))).server, ["::1", 8443]);
  assert.equal((await scopeOf(handler, new Request("http://[::1]/"))).server, ["::1", 80]);
  assert.equal((await scopeOf(handler, new Request("http://[::1]/"))).server, ["::1", 80], "the cached one");
  assert.is((await scopeOf(handler, new Request("http://h/a#b?c"))).query_string, "");
});

test("scope.headers: read from the Request when first used, then kept; a middleware may replace them, and a copy holds them", async () => {
  let reads = 0;
  const request = new Request("http://h/", { headers: { "X-A": "1" } });
  const original = request.headers[Symbol.iterator].bind(request.headers);
  Object.defineProperty(request.headers, Symbol.iterator, { value: () => (reads++, original()) });
  const seen: unknown[] = [];
  const handler = toFetchHandler(async (scope, receive, send) => {
    if (scope.type !== "http") return;
    seen.push(reads);
    const copy = { ...scope };
    seen.push(reads, copy.headers, scope.headers === copy.headers);
    scope.headers = [["x-b", "2"]];
    seen.push(scope.headers, reads);
    await echoScope(scope, receive, send);
  });
  await handler(request);
  assert.equal(seen, [0, 1, [["x-a", "1"]], true, [["x-b", "2"]], 1]);
});

test("scope: a URL the runtime gives decoded (Deno gives the raw target so) is taken back to its UTF-8 bytes", async () => {
  // Deno's request.url for the bytes GET /café?q=é is "http://h/café?q=é": Node's Request would encode them, so a stand-in.
  const request = { url: "http://h/caf\u00e9?q=\u00e9", method: "GET", headers: new Headers(), body: null, signal: new AbortController().signal } as unknown as Request;
  const scope = await scopeOf(toFetchHandler(echoScope), request);
  assert.is(scope.path, "/café");
  assert.is(scope.raw_path, "/caf\u00c3\u00a9");
  assert.is(scope.query_string, "q=\u00c3\u00a9");
});

test("scope.client and scope.server from the options; the helpers for Bun, Deno and a proxy's header", async () => {
  const handler = toFetchHandler<{ ip: string }>(echoScope, { client: (_r, env) => [env.ip, 1234], server: () => ["0.0.0.0", 9000] });
  const scope = (await (await handler(new Request("http://h/"), { ip: "10.1.2.3" })).json()) as Scope;
  assert.equal([scope.client, scope.server], [["10.1.2.3", 1234], ["0.0.0.0", 9000]]);
  const request = new Request("http://h/", { headers: { "cf-connecting-ip": "203.0.113.7, 10.0.0.1" } });
  assert.equal(clientFromBun(request, { requestIP: () => ({ address: "::1", port: 5 }) }, undefined), ["::1", 5]);
  assert.is(clientFromBun(request, { requestIP: () => null }, undefined), null);
  assert.equal(clientFromDeno(request, { remoteAddr: { hostname: "127.0.0.1", port: 40000 } }, undefined), ["127.0.0.1", 40000]);
  assert.is(clientFromDeno(request, { remoteAddr: { path: "/tmp/sock" } }, undefined), null);
  assert.equal(clientFromHeader("cf-connecting-ip")(request, undefined, undefined), ["203.0.113.7", 0]);
  assert.is(clientFromHeader("x-missing")(request, undefined, undefined), null);
  assert.is(clientFromHeader("x-empty")(new Request("http://h/", { headers: { "x-empty": "" } }), undefined, undefined), null);
});

test("lifespan: on the first request, once for concurrent ones; startup() and shutdown() by hand", async () => {
  const events: string[] = [];
  const app = new App({
    lifespan: async function* () {
      events.push("startup");
      yield { n: 1 };
      events.push("shutdown");
    },
    routes: [new Route("/", (r) => new JSONResponse({ n: r.state.n }))],
  });
  const handler = toFetchHandler(app);
  await handler.shutdown(); // before a startup: nothing to shut down
  const replies = await Promise.all([1, 2, 3].map(() => handler(new Request("http://h/"))));
  for (const reply of replies) assert.equal(await reply.json(), { n: 1 });
  assert.equal(events, ["startup"]);
  await handler.startup(); // the same startup, not a second one
  await handler.shutdown();
  assert.equal(events, ["startup", "shutdown"]);

  const early = toFetchHandler(app);
  await early.startup();
  assert.equal(events, ["startup", "shutdown", "startup"]);
  await early.shutdown();
});

test("lifespan 'off': the app never sees a lifespan scope; an app without lifespan is served under 'auto'", async () => {
  const types: string[] = [];
  const app: ASGIApp = async (scope, receive, send) => {
    types.push(scope.type);
    if (scope.type === "lifespan") throw new Error("no lifespan here");
    return echoScope(scope, receive, send);
  };
  await toFetchHandler(app, { lifespan: "off" })(new Request("http://h/"));
  await toFetchHandler(app, { lifespan: "off" }).startup();
  assert.equal(types, ["http"]);
  const { handler, lines } = quiet(app);
  assert.is((await handler(new Request("http://h/"))).status, 200);
  await handler.shutdown(); // unsupported: nothing to do
  assert.equal(types, ["http", "lifespan", "http"]);
  assert.equal(lines, []);
});

test("lifespan: a failed startup is logged, rejects startup(), and every request gets a 500", async () => {
  const failing = (how: "message" | "raise"): ASGIApp => async (scope, receive, send) => {
    if (scope.type !== "lifespan") return echoScope(scope, receive, send);
    await receive();
    if (how === "message") await send({ type: "lifespan.startup.failed", message: "no database" });
    else throw new Error("startup exploded");
  };
  const said = quiet(failing("message"));
  const reply = await said.handler(new Request("http://h/"));
  assert.is(reply.status, 500);
  assert.is(await reply.text(), "Internal Server Error");
  assert.is((await said.handler(new Request("http://h/"))).status, 500);
  await rejects(said.handler.startup(), /no database/);
  assert.equal(said.lines, ["ERROR:    no database", "ERROR:    Application startup failed."]);

  // 'on': an exception is a failure; under 'auto' it would mean "no lifespan".
  const raised = quiet(failing("raise"), { lifespan: "on" });
  await rejects(raised.handler.startup(), /startup exploded/);
  assert.match(raised.lines[0], /^ERROR: {4}Exception in 'lifespan' protocol\nError: startup exploded/);
  assert.is((await raised.handler(new Request("http://h/"))).status, 500);
  const lenient = quiet(failing("raise"));
  assert.is((await lenient.handler(new Request("http://h/"))).status, 200);
});

test("lifespan: a failed shutdown is logged, never thrown", async () => {
  const app = (how: "message" | "raise"): ASGIApp => async (scope, receive, send) => {
    if (scope.type !== "lifespan") return;
    await receive();
    await send({ type: "lifespan.startup.complete" });
    await receive();
    if (how === "message") await send({ type: "lifespan.shutdown.failed", message: "could not flush" });
    else throw new Error("shutdown exploded");
  };
  const said = quiet(app("message"));
  await said.handler.startup();
  await said.handler.shutdown();
  assert.equal(said.lines, ["ERROR:    could not flush", "ERROR:    Application shutdown failed."]);
  const raised = quiet(app("raise"), { lifespan: "on" });
  await raised.handler.startup();
  await raised.handler.shutdown();
  assert.equal(raised.lines, ["ERROR:    Application shutdown failed."]);
});

test("errors: an app that throws at once, a thrown non-Error, a status the Fetch API refuses, the default log", async () => {
  const sync = quiet(((scope: Scope) => {
    if (scope.type === "http") throw new Error("not even async");
    return Promise.resolve();
  }) as ASGIApp);
  assert.is((await sync.handler(new Request("http://h/"))).status, 500);
  assert.match(sync.lines[0], /^ERROR: {4}Exception in ASGI application\nError: not even async/);

  const thrown = quiet(async (scope) => {
    if (scope.type === "http") throw "a plain string";
  });
  assert.is((await thrown.handler(new Request("http://h/"))).status, 500);
  assert.equal(thrown.lines, ["ERROR:    Exception in ASGI application\na plain string"]);

  const stackless = quiet(async (scope) => {
    const error = new Error("no stack");
    error.stack = undefined;
    if (scope.type === "http") throw error;
  });
  await stackless.handler(new Request("http://h/"));
  assert.equal(stackless.lines, ["ERROR:    Exception in ASGI application\nError: no stack"]);

  const errors: string[] = [];
  const badStatus = quiet(async (scope, _receive, send) => {
    if (scope.type !== "http") return;
    await send({ type: "http.response.start", status: 99, headers: [] });
    await send({ type: "http.response.body", body: text("x") }).catch((exc: Error) => errors.push(exc.name));
  });
  assert.is((await badStatus.handler(new Request("http://h/"))).status, 500);
  assert.equal(errors, ["RangeError"]);

  const original = console.error;
  const printed: unknown[] = [];
  console.error = (line: unknown) => void printed.push(line);
  try {
    await toFetchHandler(async () => undefined, { lifespan: "off" })(new Request("http://h/"));
  } finally {
    console.error = original;
  }
  assert.equal(printed, ["ERROR:    ASGI callable returned without starting response."]);
});

test("send(): messages out of order are errors with uvicorn's words; other message types are ignored", async () => {
  const errors: string[] = [];
  const { handler } = quiet(async (scope, _receive, send) => {
    if (scope.type !== "http") return;
    const attempt = (message: Message) => send(message).catch((exc: Error) => void errors.push(exc.message));
    await attempt({ type: "http.response.body", body: text("early") });
    await send({ type: "http.response.start", status: 200 });
    await attempt({ type: "http.response.start", status: 200, headers: [] });
    await send({ type: "http.response.trailers" });
    await send({ type: "http.response.body" });
    await attempt({ type: "http.response.body", body: text("late") });
  });
  const reply = await handler(new Request("http://h/"));
  assert.is(await reply.text(), "");
  assert.equal(errors, [
    "Unexpected ASGI message 'http.response.body' sent, before 'http.response.start'.",
    "Unexpected ASGI message 'http.response.start' sent, after response already started.",
    "Unexpected ASGI message 'http.response.body' sent, after response already completed.",
  ]);
});

test("bodyless answers: a 204 and a HEAD drop the body, streamed or not, and a streamed one left open", async () => {
  const app =
    (status: number, chunks: string[], finish = true): ASGIApp =>
    async (scope, _receive, send) => {
      if (scope.type !== "http") return;
      await send({ type: "http.response.start", status, headers: [["x-n", String(chunks.length)]] });
      for (const chunk of chunks) await send({ type: "http.response.body", body: text(chunk), more_body: true });
      if (finish) await send({ type: "http.response.body", body: text("end") });
    };
  const noContent = await toFetchHandler(app(204, []))(new Request("http://h/"));
  assert.equal([noContent.status, noContent.body, noContent.headers.get("x-n")], [204, null, "0"]);
  const head = await toFetchHandler(app(200, ["a", "b"]))(new Request("http://h/", { method: "HEAD" }));
  assert.equal([head.status, head.body], [200, null]);
  const open = quiet(app(200, ["a"], false));
  const unfinished = await open.handler(new Request("http://h/", { method: "HEAD" }));
  assert.is(unfinished.body, null);
  await new Promise((resolve) => setTimeout(resolve, 10));
  assert.equal(open.lines, ["ERROR:    ASGI callable returned without completing response."]);
});

test("a body in several messages within one turn goes out whole; one that goes on past the turn is streamed", async () => {
  const app =
    (status: number, chunks: string[], pause: boolean): ASGIApp =>
    async (scope, _receive, send) => {
      if (scope.type !== "http") return;
      await send({ type: "http.response.start", status, headers: [] });
      for (const chunk of chunks) await send({ type: "http.response.body", body: text(chunk), more_body: true });
      if (pause) await new Promise((resolve) => setTimeout(resolve, 10));
      await send({ type: "http.response.body", body: text("!") }).catch((exc: Error) => void failures.push(exc.name));
    };
  const failures: string[] = [];
  assert.is(await (await toFetchHandler(app(200, ["a", "", "b"], false))(new Request("http://h/"))).text(), "ab!");
  assert.is(await (await toFetchHandler(app(200, ["a", "b"], true))(new Request("http://h/"))).text(), "ab!");
  const empty = await toFetchHandler(async (scope, _receive, send) => {
    if (scope.type !== "http") return;
    await send({ type: "http.response.start", status: 200, headers: [] });
    await send({ type: "http.response.body", more_body: true });
    await send({ type: "http.response.body" });
  })(new Request("http://h/"));
  assert.is(empty.body, null);
  // A status the Fetch API refuses, met once the turn ends: the next send fails with it, and the answer is a 500.
  const refused = quiet(app(99, ["a"], true));
  assert.is((await refused.handler(new Request("http://h/"))).status, 500);
  assert.equal(failures, ["RangeError"]);
  assert.equal(refused.lines, ["ERROR:    ASGI callable returned without completing response."]);
});

test("headerEncoding 'utf8' (workerd): header bytes go to and from the runtime as UTF-8 text", async () => {
  const handler = toFetchHandler(
    async (scope, _receive, send) => {
      if (scope.type !== "http") return;
      const seen = scope.headers?.find(([name]) => name === "x-in")?.[1] as string;
      await send({ type: "http.response.start", status: 200, headers: [["x-seen", encodeURIComponent(seen)], ["x-out", "\u00c3\u00a9t\u00c3\u00a9"], ["x-ascii", "plain"]] });
      await send({ type: "http.response.body" });
    },
    { headerEncoding: "utf8" },
  );
  // A runtime whose headers are text hands over "été" for the bytes C3 A9 74 C3 A9.
  const reply = await handler(new Request("http://h/", { headers: { "x-in": "\u00e9t\u00e9", "x-ascii": "a" } }));
  assert.is(decodeURIComponent(reply.headers.get("x-seen") as string), "\u00c3\u00a9t\u00c3\u00a9");
  assert.is(reply.headers.get("x-out"), "\u00e9t\u00e9");
  assert.is(reply.headers.get("x-ascii"), "plain");
  assert.throws(() => toFetchHandler(echoScope, { headerEncoding: "ascii" as "utf8" }), /option "headerEncoding" must be "latin1" or "utf8", got "ascii"/);
});

/** A bare app that records every message receive() gives, up to the disconnect. */
function recorder(seen: Message[], after?: (send: (m: Message) => Promise<void>) => Promise<void>): ASGIApp {
  return async (scope, receive, send) => {
    if (scope.type !== "http") return;
    for (;;) {
      const message = await receive();
      seen.push({ ...message, body: message.body && Buffer.from(message.body) });
      if (message.type === "http.disconnect" || !message.more_body) break;
    }
    await after?.(send);
  };
}

test("receive(): a body read chunk by chunk; no body at all; after the response, the disconnect at once", async () => {
  const seen: Message[] = [];
  const answer = async (send: (m: Message) => Promise<void>) => {
    await send({ type: "http.response.start", status: 200, headers: [] });
    await send({ type: "http.response.body", body: text("ok") });
  };
  const chunks = ["ab", "cd"];
  const body = new ReadableStream<Uint8Array>({ pull: (c) => void (chunks.length ? c.enqueue(text(chunks.shift() as string)) : c.close()) });
  let later: Promise<Message> | undefined;
  const app: ASGIApp = async (scope, receive, send) => {
    await recorder(seen, answer)(scope, receive, send);
    if (scope.type === "http") later = receive();
  };
  await (await toFetchHandler(app)(new Request("http://h/", { method: "POST", body, duplex: "half" } as RequestInit))).text();
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.equal(seen, [
    { type: "http.request", body: Buffer.from("ab"), more_body: true },
    { type: "http.request", body: Buffer.from("cd"), more_body: true },
    { type: "http.request", body: Buffer.from(""), more_body: false },
  ]);
  assert.equal(await later, { type: "http.disconnect" });
  seen.length = 0;
  await toFetchHandler(recorder(seen, answer))(new Request("http://h/"));
  assert.equal(seen, [{ type: "http.request", body: Buffer.from(""), more_body: false }]);
});

test("receive(): waiting after the body ends with the response; a client gone before, during or by a broken body", async () => {
  // Waiting after the body: the app's own response completes the wait.
  let waited: Message | undefined;
  const waiter = toFetchHandler(async (scope, receive, send) => {
    if (scope.type !== "http") return;
    await receive();
    const pending = receive().then((m) => (waited = m));
    await send({ type: "http.response.start", status: 200, headers: [] });
    await send({ type: "http.response.body", body: text("ok") });
    await pending;
  });
  await (await waiter(new Request("http://h/"))).text();
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.equal(waited, { type: "http.disconnect" });

  // Gone before the app reads: the disconnect at once, and send() rejects.
  const seen: Message[] = [];
  const errors: unknown[] = [];
  const { handler, lines } = quiet(recorder(seen, (send) => send({ type: "http.response.start", status: 200, headers: [] }).catch((exc: unknown) => void errors.push(exc))));
  const gone = await handler(new Request("http://h/", { signal: AbortSignal.abort() }));
  assert.is(gone.status, 500, "no one is there to read it");
  assert.equal(seen, [{ type: "http.disconnect", body: undefined }]);
  assert.instance(errors[0], ClientDisconnected);
  assert.equal([(errors[0] as ClientDisconnected).code, (errors[0] as Error).message], ["ECONNRESET", "Client disconnected"]);
  assert.equal(lines, [], "nothing logged for a client that went away");

  // Gone while the app waits for a chunk.
  seen.length = 0;
  const abort = new AbortController();
  const stalled = new ReadableStream<Uint8Array>({ start: (c) => c.enqueue(text("first")) });
  const reply = handler(new Request("http://h/", { method: "POST", body: stalled, duplex: "half", signal: abort.signal } as RequestInit));
  await new Promise((resolve) => setTimeout(resolve, 10));
  abort.abort();
  await reply;
  assert.equal(seen.map((m) => m.type), ["http.request", "http.disconnect"]);

  // A body that breaks off is a client gone.
  seen.length = 0;
  const broken = new ReadableStream<Uint8Array>({ pull: (c) => c.error(new Error("connection reset")) });
  await handler(new Request("http://h/", { method: "POST", body: broken, duplex: "half" } as RequestInit));
  assert.equal(seen.map((m) => m.type), ["http.disconnect"]);
});

test("backpressure: send() waits for the reader, also with highWaterMark 0; a reader that cancels wakes it to a ClientDisconnected", async () => {
  const sent: number[] = [];
  const failures: string[] = [];
  const app: ASGIApp = async (scope, _receive, send) => {
    if (scope.type !== "http") return;
    await send({ type: "http.response.start", status: 200, headers: [] });
    try {
      for (let i = 0; i < 8; i++) {
        await send({ type: "http.response.body", body: new Uint8Array(1024).fill(i), more_body: true });
        sent.push(i);
      }
      await send({ type: "http.response.body", body: new Uint8Array(0) });
    } catch (exc) {
      failures.push((exc as Error).name);
    }
  };
  const ctx = { tasks: [] as Array<Promise<unknown>>, waitUntil: (p: Promise<unknown>) => void ctx.tasks.push(p) };
  const tight = await toFetchHandler(app, { highWaterMark: 2048 })(new Request("http://h/"), undefined, ctx);
  await new Promise((resolve) => setTimeout(resolve, 10));
  assert.equal(sent, [0], "the second chunk filled the queue: its send waits");
  assert.is((await tight.arrayBuffer()).byteLength, 8 * 1024);
  assert.equal(sent, [0, 1, 2, 3, 4, 5, 6, 7]);
  await Promise.all(ctx.tasks); // Workers keep the isolate for the app's task: waitUntil got it
  assert.is(ctx.tasks.length, 1);

  sent.length = 0;
  const lockstep = await toFetchHandler(app, { highWaterMark: 0 })(new Request("http://h/"));
  assert.is((await lockstep.arrayBuffer()).byteLength, 8 * 1024);

  // Cancelled while a send waits for room.
  sent.length = 0;
  const waiting = await toFetchHandler(app, { highWaterMark: 0 })(new Request("http://h/"));
  await new Promise((resolve) => setTimeout(resolve, 10));
  assert.equal(sent, []);
  await (waiting.body as ReadableStream<Uint8Array>).cancel();
  await new Promise((resolve) => setTimeout(resolve, 10));
  assert.equal([sent, failures], [[0], ["ClientDisconnected"]]);

  failures.length = 0;
  sent.length = 0;
  const { handler, lines } = quiet(app, { highWaterMark: 1024 });
  const cancelled = await handler(new Request("http://h/"));
  const reader = (cancelled.body as ReadableStream<Uint8Array>).getReader();
  await reader.read();
  await reader.cancel();
  await new Promise((resolve) => setTimeout(resolve, 10));
  assert.equal(failures, ["ClientDisconnected"]);
  assert.equal(lines, []);
});

test("a streamed response the app leaves open, or raises in, after the client has gone is not logged", async () => {
  const { handler, lines } = quiet(async (scope, _receive, send) => {
    if (scope.type !== "http") return;
    await send({ type: "http.response.start", status: 200, headers: [] });
    await send({ type: "http.response.body", body: text("a"), more_body: true });
    await new Promise((resolve) => setTimeout(resolve, 20));
    if (scope.path === "/raise") throw new ClientDisconnected();
  });
  for (const path of ["/open", "/raise"]) {
    const abort = new AbortController();
    const reply = await handler(new Request(`http://h${path}`, { signal: abort.signal }));
    abort.abort();
    const reader = (reply.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    await rejects(reader.read(), /returned without completing response|Client disconnected/, path);
  }
  assert.equal(lines, []);
});

test.run();
