// Port of tests/middleware/test_session.py (Starlette 1.x), plus the recorded
// Starlette vectors (starlette_* groups of tests/vectors/itsdangerous.json).
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { App } from "../../src/applications.js";
import { Middleware } from "../../src/middleware/index.js";
import { Session, SessionMiddleware, type SessionOptions } from "../../src/middleware/sessions.js";
import { Request } from "../../src/requests.js";
import type { Session as RequestSession } from "../../src/_session.js";
import { JSONResponse, PlainTextResponse } from "../../src/responses.js";
import { Mount, Route, WebSocketRoute } from "../../src/routing.js";
import type { WebSocket } from "../../src/websockets.js";
import { TestClient } from "../../src/testclient.js";
import type { ASGIApp } from "../../src/types.js";
import { parseOrdered, vectors, type Case } from "../vectors.js";

const viewSession = (request: Request) => new JSONResponse({ session: request.session });
async function updateSession(request: Request) {
  request.session.update(await request.json<Record<string, unknown>>());
  return new JSONResponse({ session: request.session });
}
function clearSession(request: Request) {
  request.session.clear();
  return new JSONResponse({ session: request.session });
}
const noSessionAccess = () => new JSONResponse({ status: "ok" });

function sessionApp(options: Partial<SessionOptions> = {}): App {
  return new App({
    routes: [
      new Route("/view_session", viewSession),
      new Route("/update_session", updateSession, { methods: ["POST"] }),
      new Route("/clear_session", clearSession, { methods: ["POST"] }),
      new Route("/no_session", noSessionAccess),
    ],
    middleware: [new Middleware(SessionMiddleware, { secretKey: "example", ...options })],
  });
}

const starlette = suite("test_session.py");

starlette("test_session", async () => {
  const client = new TestClient(sessionApp());
  assert.equal((await client.get("/view_session")).json(), { session: {} });
  let response = await client.post("/update_session", { json: { some: "data" } });
  assert.equal(response.json(), { session: { some: "data" } });
  const maxAge = /; Max-Age=([0-9]+);/.exec(response.headers.get("set-cookie") as string);
  assert.ok(maxAge);
  assert.is(Number(maxAge[1]), 14 * 24 * 3600);
  assert.equal((await client.get("/view_session")).json(), { session: { some: "data" } });
  response = await client.post("/clear_session");
  assert.equal(response.json(), { session: {} });
  assert.equal((await client.get("/view_session")).json(), { session: {} });
});

starlette("test_session_expires", async () => {
  const app = sessionApp({ maxAge: -1 });
  const response = await new TestClient(app).post("/update_session", { json: { some: "data" } });
  assert.equal(response.json(), { session: { some: "data" } });
  // The jar drops a cookie with Max-Age=-1, so send its value explicitly.
  const value = /session=([^;]*);/.exec(response.headers.get("set-cookie") as string);
  assert.ok(value);
  const client = new TestClient(app, { cookies: { session: value[1] } });
  assert.equal((await client.get("/view_session")).json(), { session: {} });
});

starlette("test_secure_session", async () => {
  const app = sessionApp({ httpsOnly: true });
  const secure = new TestClient(app, { baseUrl: "https://testserver" });
  const unsecure = new TestClient(app, { baseUrl: "http://testserver" });
  assert.equal((await unsecure.get("/view_session")).json(), { session: {} });
  assert.equal((await unsecure.post("/update_session", { json: { some: "data" } })).json(), { session: { some: "data" } });
  assert.equal((await unsecure.get("/view_session")).json(), { session: {} });
  assert.equal((await secure.get("/view_session")).json(), { session: {} });
  assert.equal((await secure.post("/update_session", { json: { some: "data" } })).json(), { session: { some: "data" } });
  assert.equal((await secure.get("/view_session")).json(), { session: { some: "data" } });
  assert.equal((await secure.post("/clear_session")).json(), { session: {} });
  assert.equal((await secure.get("/view_session")).json(), { session: {} });
});

starlette("test_session_cookie_subpath", async () => {
  const second = new App({
    routes: [new Route("/update_session", updateSession, { methods: ["POST"] })],
    middleware: [new Middleware(SessionMiddleware, { secretKey: "example", path: "/second_app" })],
  });
  const app = new App({ routes: [new Mount("/second_app", { app: second })] });
  const client = new TestClient(app, { baseUrl: "http://testserver/second_app" });
  const response = await client.post("/update_session", { json: { some: "data" } });
  assert.is(response.statusCode, 200);
  assert.is(/; path=(\S+);/.exec(response.headers.get("set-cookie") as string)?.[1], "/second_app");
});

starlette("test_invalid_session_cookie", async () => {
  const app = sessionApp();
  const response = await new TestClient(app).post("/update_session", { json: { some: "data" } });
  assert.equal(response.json(), { session: { some: "data" } });
  const client = new TestClient(app, { cookies: { session: "invalid" } });
  assert.equal((await client.get("/view_session")).json(), { session: {} });
});

starlette("test_session_cookie", async () => {
  const client = new TestClient(sessionApp({ maxAge: null }));
  const response = await client.post("/update_session", { json: { some: "data" } });
  assert.equal(response.json(), { session: { some: "data" } });
  assert.not.ok((response.headers.get("set-cookie") as string).includes("Max-Age"));
  client.cookies.delete("session");
  assert.equal((await client.get("/view_session")).json(), { session: {} });
});

starlette("test_domain_cookie", async () => {
  const client = new TestClient(sessionApp({ domain: ".example.com" }));
  const response = await client.post("/update_session", { json: { some: "data" } });
  assert.equal(response.json(), { session: { some: "data" } });
  assert.ok((response.headers.get("set-cookie") as string).includes("domain=.example.com"));
  client.cookies.delete("session");
  assert.equal((await client.get("/view_session")).json(), { session: {} });
});

starlette("test_set_cookie_only_on_modification", async () => {
  const client = new TestClient(sessionApp());
  assert.ok((await client.post("/update_session", { json: { some: "data" } })).headers.has("set-cookie"));
  const response = await client.get("/view_session");
  assert.equal(response.json(), { session: { some: "data" } });
  assert.not.ok(response.headers.has("set-cookie"));
});

starlette("test_vary_cookie_on_access", async () => {
  const client = new TestClient(sessionApp());
  const vary = async (p: Promise<{ headers: { get(k: string, d: string): string } }>) => (await p).headers.get("vary", "").toLowerCase();
  assert.ok((await vary(client.post("/update_session", { json: { some: "data" } }))).includes("cookie"));
  assert.ok((await vary(client.get("/view_session"))).includes("cookie"));
  assert.not.ok((await vary(client.get("/no_session"))).includes("cookie"));
});

starlette("Vary: Cookie merges into an existing vary header, as add_vary_header does", async () => {
  const app = new App({
    routes: [new Route("/", (r: Request) => (r.session.get("x"), new PlainTextResponse("ok", { headers: { vary: "Accept-Encoding" } })))],
    middleware: [new Middleware(SessionMiddleware, { secretKey: "example" })],
  });
  const response = await new TestClient(app).get("/");
  assert.equal(response.headers.getList("vary"), ["Accept-Encoding, Cookie"]);
});

starlette("test_session_tracks_modification", () => {
  let session = new Session({ a: "1", b: "2" });
  assert.not.ok(session.modified);
  session.set("c", "3");
  assert.ok(session.modified);
  session = new Session({ a: "1" });
  session.delete("a");
  assert.ok(session.modified);
  session = new Session({ a: "1" });
  session.clear();
  assert.ok(session.modified);
  session = new Session({ a: "1" });
  assert.is(session.pop("a"), "1");
  assert.ok(session.modified);
  session = new Session({ a: "1" });
  assert.is(session.pop("missing", null), null);
  assert.not.ok(session.modified);
  session = new Session({ a: "1" });
  assert.is(session.setdefault("b", "2"), "2");
  assert.ok(session.modified);
  session = new Session({ a: "1" });
  assert.is(session.setdefault("a", "2"), "1");
  assert.not.ok(session.modified);
});

starlette.run();

// ---------------------------------------------------------------- the Session API

const api = suite("Session as a dict");

api("dict operations: get with default, membership, delete, iteration, copy, JSON", () => {
  const session = new Session([["b", 1], ["2", 2], ["a", 3]]);
  assert.is(session.get("missing"), null);
  assert.is(session.get("missing", "default"), "default");
  assert.is(session.get<number>("b"), 1);
  assert.ok(session.has("a"));
  assert.equal([...session.keys()], ["b", "2", "a"]);
  assert.is(JSON.stringify(session), '{"2":2,"b":1,"a":3}'); // plain JSON of an object lists "2" first
  assert.not.ok(session.delete("missing"));
  assert.not.ok(session.modified);
  assert.ok(session.delete("b"));
  assert.equal(Object.keys(session.toObject()), ["2", "a"]);
  assert.is(session.size, 2);
});

api("__proto__, constructor and prototype are plain keys", () => {
  const session = new Session(JSON.parse('{"__proto__": {"polluted": true}, "constructor": 1}') as Record<string, unknown>);
  session.set("prototype", "x");
  assert.equal(session.get("__proto__"), { polluted: true });
  const copy = session.toObject();
  assert.is(Object.getPrototypeOf(copy), null);
  assert.equal(Object.keys(copy), ["__proto__", "constructor", "prototype"]);
  assert.is(({} as Record<string, unknown>).polluted, undefined);
});

api("request.session's type (src/_session.ts) and the Session class have the same members", async () => {
  const seen: RequestSession[] = [];
  const app = new App({ middleware: [new Middleware(SessionMiddleware, { secretKey: "k" })] });
  app.get("/")((request: Request) => (seen.push(request.session), "ok"));
  await new TestClient(app).get("/");
  // Type-checked both ways: the class implements the interface, and the interface has every member of the class.
  const asClass: Session = seen[0];
  const asInterface: RequestSession = new Session();
  assert.instance(asClass, Session);
  assert.not.ok(asInterface.accessed);
});

api.run();

// ---------------------------------------------------------------- options

const options = suite("SessionMiddleware options");
const inner: ASGIApp = async () => undefined;

options("a missing, empty or non-string secretKey fails at construction with the fix", () => {
  for (const bad of [undefined, "", [], [""], 42]) {
    assert.throws(() => new SessionMiddleware(inner, { secretKey: bad } as unknown as SessionOptions), /SessionMiddleware needs a secretKey/);
  }
});

options("invalid cookie name, path, domain, sameSite and maxAge are refused with a message", () => {
  const cases: Array<[Partial<SessionOptions>, RegExp]> = [
    [{ sessionCookie: "bad name" }, /sessionCookie "bad name" is not a valid cookie name/],
    [{ sessionCookie: "a;b" }, /not a valid cookie name/],
    [{ path: "/x; secure" }, /path .* must start with "\/"/],
    [{ path: "relative" }, /must start with "\/"/],
    [{ domain: "a.com\r\nx: y" }, /domain .* must be a host name/],
    [{ sameSite: "sometimes" as never }, /sameSite must be "lax", "strict" or "none"/],
    [{ maxAge: 1.5 }, /maxAge must be a whole number/],
    [{ httpsOnly: "yes" as never }, /httpsOnly must be true or false/],
  ];
  for (const [opts, message] of cases) assert.throws(() => new SessionMiddleware(inner, { secretKey: "k", ...opts }), message);
});

options("an unknown option is a TypeError naming it, Python's spelling pointed to ours", () => {
  const cases: Array<[Record<string, unknown>, string]> = [
    [{ secret_key: "k" }, 'SessionMiddleware got an unexpected option "secret_key"; did you mean "secretKey"?'],
    [{ secretKey: "k", max_age: 60 }, 'SessionMiddleware got an unexpected option "max_age"; did you mean "maxAge"?'],
    [{ secretKey: "k", httpOnly: true }, 'SessionMiddleware got an unexpected option "httpOnly"; did you mean "httpsOnly"?'],
    [{ secretKey: "k", sameSites: "lax" }, 'SessionMiddleware got an unexpected option "sameSites"; did you mean "sameSite"?'],
    [{ secretKey: "k", cookieName: "s" }, 'SessionMiddleware got an unexpected option "cookieName"; the options are secretKey, sessionCookie, maxAge, path, sameSite, httpsOnly, domain'],
  ];
  for (const [opts, message] of cases) {
    const error = (() => {
      try {
        new SessionMiddleware(inner, opts as unknown as SessionOptions);
      } catch (e) {
        return e;
      }
    })();
    assert.instance(error, TypeError);
    assert.is((error as TypeError).message, message);
  }
  // Every option by its name is accepted.
  new SessionMiddleware(inner, { secretKey: "k", sessionCookie: "s", maxAge: null, path: "/a", sameSite: "strict", httpsOnly: true, domain: "example.org" });
});

options("key rotation: the newest key signs, older keys still verify", async () => {
  const old = new TestClient(sessionApp({ secretKey: "old-key" }));
  await old.post("/update_session", { json: { user: "ann" } });
  const cookie = old.cookies.get("session") as string;
  const rotated = new TestClient(sessionApp({ secretKey: ["old-key", "new-key"] }), { cookies: { session: cookie } });
  assert.equal((await rotated.get("/view_session")).json(), { session: { user: "ann" } });
  const resigned = await rotated.post("/update_session", { json: { more: 1 } });
  const value = /session=([^;]*);/.exec(resigned.headers.get("set-cookie") as string)?.[1] as string;
  const newOnly = new TestClient(sessionApp({ secretKey: "new-key" }), { cookies: { session: value } });
  assert.equal((await newOnly.get("/view_session")).json(), { session: { user: "ann", more: 1 } });
  const oldOnly = new TestClient(sessionApp({ secretKey: "old-key" }), { cookies: { session: value } });
  assert.equal((await oldOnly.get("/view_session")).json(), { session: {} });
});

options("lifespan scopes pass through untouched", async () => {
  let seen = "";
  const mw = new SessionMiddleware(async (scope) => void (seen = scope.type), { secretKey: "k" });
  await mw.call({ type: "lifespan" }, async () => ({ type: "lifespan.startup" }), async () => undefined);
  assert.is(seen, "lifespan");
});

options("websocket scopes get the session, read-only", async () => {
  let session: unknown;
  const mw = new SessionMiddleware(async (scope) => void (session = scope.session), { secretKey: "k" });
  await mw.call({ type: "websocket", headers: [] }, async () => ({ type: "websocket.connect" }), async () => undefined);
  assert.instance(session, Session);
});

options("a websocket handshake reads the session cookie an http route set; what the websocket changes is not saved (no Set-Cookie on a handshake)", async () => {
  const app = new App({
    routes: [
      new Route("/login", (request: Request) => (request.session.set("user", "ann"), { ok: true })),
      new Route("/view", (request: Request) => ({ session: request.session.toJSON() })),
      new WebSocketRoute("/ws", async (websocket: WebSocket) => {
        await websocket.accept();
        await websocket.sendJson({ session: websocket.session.toJSON() });
        websocket.session.set("user", "eve");
        await websocket.close();
      }),
    ],
    middleware: [new Middleware(SessionMiddleware, { secretKey: "k" })],
  });
  const client = new TestClient(app);
  await client.websocketConnect("/ws", {}, async (websocket) => {
    assert.equal(await websocket.receiveJson(), { session: {} });
  });
  await client.get("/login");
  await client.websocketConnect("/ws", {}, async (websocket) => {
    assert.equal(await websocket.receiveJson(), { session: { user: "ann" } });
    assert.equal(websocket.extraHeaders, []);
  });
  assert.equal((await client.get("/view")).json(), { session: { user: "ann" } });
  // The cookie alone carries the session, and one that fails its signature is none.
  const other = new TestClient(app, { cookies: { session: client.cookies.get("session") as string } });
  await other.websocketConnect("/ws", {}, async (websocket) => assert.equal(await websocket.receiveJson(), { session: { user: "ann" } }));
  const forged = new TestClient(app, { cookies: { session: "eyJ1c2VyIjogImV2ZSJ9.bad.sig" } });
  await forged.websocketConnect("/ws", {}, async (websocket) => assert.equal(await websocket.receiveJson(), { session: {} }));
});

options("a session replaced wholesale by a plain object is still written", async () => {
  const app = new App({
    routes: [new Route("/", (request: Request) => ((request.scope.session = { plain: true }), new PlainTextResponse("ok")))],
    middleware: [new Middleware(SessionMiddleware, { secretKey: "k" })],
  });
  const response = await new TestClient(app).get("/");
  assert.match(response.headers.get("set-cookie") as string, /^session=eyJwbGFpbiI6IHRydWV9\./);
});

options("a start message without headers still gets Vary and Set-Cookie", async () => {
  const inner: ASGIApp = async (scope, _receive, send) => {
    (scope.session as Session).set("n", 1);
    await send({ type: "http.response.start", status: 204 });
    await send({ type: "http.response.body", body: new Uint8Array(0) });
  };
  const response = await new TestClient(new SessionMiddleware(inner, { secretKey: "k" })).get("/");
  assert.is(response.statusCode, 204);
  assert.is(response.headers.get("vary"), "Cookie");
  assert.match(response.headers.get("set-cookie") as string, /^session=eyJuIjogMX0=\./);
});

options("an error other than a bad signature while reading the cookie is not hidden as an empty session", async () => {
  const mw = new SessionMiddleware(async () => undefined, { secretKey: "k" });
  const cookie = mw.signer.sign(Buffer.from('{"n": 1}').toString("base64"));
  mw.signer.unsign = () => {
    throw new TypeError("a bug in the signer");
  };
  const scope = { type: "http", method: "GET", path: "/", headers: [["cookie", `session=${cookie}`]] as [string, string][] };
  let error: unknown;
  try {
    await mw.call(scope, async () => ({ type: "http.disconnect" }), async () => undefined);
  } catch (exc) {
    error = exc;
  }
  assert.instance(error, TypeError);
  assert.is((error as Error).message, "a bug in the signer");
});

options.run();

// ---------------------------------------------------------------- recorded Starlette vectors

/** A SessionMiddleware whose signer's clock is pinned. */
function frozenSessions(now: number) {
  return class extends SessionMiddleware {
    constructor(app: ASGIApp, opts: SessionOptions) {
      super(app, opts);
      this.signer.getTimestamp = () => now;
    }
  };
}

const recorded = suite("Starlette vectors");

recorded("starlette_cookie_encode: the same session, secret and time give the same cookie bytes", async () => {
  for (const c of vectors.starlette_cookie_encode) {
    const notes: string[] = c.portability_notes ?? [];
    const app = new App({
      routes: [
        new Route("/", (request: Request) => {
          for (const [k, v] of parseOrdered(c.session_json_text) as Map<string, unknown>) request.session.set(k, v);
          return new PlainTextResponse("ok");
        }),
      ],
      middleware: [new Middleware(frozenSessions(c.timestamp), { secretKey: c.secret_key })],
    });
    const setCookie = (await new TestClient(app).get("/")).headers.getList("set-cookie");
    if (!c.starlette_emits) {
      assert.equal(setCookie, [], c.id);
    } else if (!notes.includes("python_json_number_format")) {
      assert.equal(setCookie, [c.expected.set_cookie], c.id);
    } else {
      // JavaScript has one number type: 1.0 prints as 1, and integers past 2**53 lose digits.
      const payload = /^session=([^.]*)\./.exec(setCookie[0])?.[1] as string;
      const ours = Buffer.from(payload, "base64").toString("utf8");
      assert.equal(JSON.parse(ours), JSON.parse(c.session_json_text), c.id);
      assert.is.not(ours, c.session_json_text, `${c.id}: expected the documented number-format difference`);
    }
  }
});

recorded("starlette_cookie_decode: the session a route sees for a cookie (1.x: no Set-Cookie when unchanged)", async () => {
  for (const c of vectors.starlette_cookie_decode) {
    const app = new App({
      routes: [new Route("/", (request: Request) => new JSONResponse({ session: request.session }))],
      middleware: [new Middleware(frozenSessions(c.now), { secretKey: c.secret_key, maxAge: c.max_age })],
    });
    const response = await new TestClient(app, { cookies: { session: c.cookie_value } }).get("/");
    assert.is(response.statusCode, 200, c.id);
    const seen = (response.json() as { session: unknown }).session;
    const expected = c.expected;
    const pythonOnly = expected.raises !== undefined || expected.session === null || Array.isArray(expected.session) || "session_python_repr" in expected;
    if (pythonOnly) {
      // Deliberate difference: Python stores whatever JSON a validly signed cookie holds (or fails
      // with a 500); here anything but a JSON object is an empty session.
      const decodable = expected.session_python_json ?? expected.session;
      if (decodable !== null && typeof decodable === "object" && !Array.isArray(decodable)) assert.equal(seen, decodable, c.id);
      else assert.equal(seen, {}, c.id);
    } else {
      assert.equal(seen, expected.session, c.id);
    }
    // 1.x writes nothing for a session that was only read.
    assert.equal(response.headers.getList("set-cookie"), [], c.id);
    assert.is(response.headers.get("vary"), "Cookie", c.id);
  }
});

/** What the recorded route did: set, modify (the keys that changed), clear, or nothing. */
function actionOf(c: Case): (session: Session) => void {
  const kind = /^(set|modify|clear|noop) /.exec(c.action)?.[1];
  assert.ok(kind, `${c.id}: unknown action ${c.action}`);
  if (kind === "clear") return (s) => s.clear();
  if (kind === "noop") return () => undefined;
  const before = c.session_before_action as Record<string, unknown>;
  const changed = Object.entries(c.session_after_action as Record<string, unknown>).filter(([k, v]) => before[k] !== v);
  return (s) => changed.forEach(([k, v]) => s.set(k, v));
}

function sessionOptions(options: Record<string, unknown>): Partial<SessionOptions> {
  const names: Record<string, keyof SessionOptions> = {
    max_age: "maxAge",
    https_only: "httpsOnly",
    same_site: "sameSite",
    path: "path",
    session_cookie: "sessionCookie",
    domain: "domain",
  };
  return Object.fromEntries(Object.entries(options).map(([k, v]) => [names[k], v]));
}

recorded("starlette_set_cookie_header: exact Set-Cookie text for every option and action", async () => {
  let compared = 0;
  for (const c of vectors.starlette_set_cookie_header) {
    if (c.expected.constructor_raises) {
      // 0.26.1 had no domain option; 1.x (and this port) write "; domain=..." last.
      const mw = new SessionMiddleware(async () => undefined, { secretKey: c.secret_key, ...sessionOptions(c.options) });
      assert.is(mw.securityFlags, "httponly; samesite=lax; domain=example.com", c.id);
      continue;
    }
    const options = sessionOptions(c.options);
    if (options.sameSite === "none" && !options.httpsOnly) {
      // Deliberate difference: refused at construction, as browsers drop SameSite=None without Secure.
      assert.throws(() => new SessionMiddleware(async () => undefined, { secretKey: c.secret_key, ...options }), /needs httpsOnly/, c.id);
      continue;
    }
    const action = actionOf(c);
    let modified = false;
    const app = new App({
      routes: [
        new Route("/", (request: Request) => {
          action(request.session);
          modified = request.session.modified;
          return new PlainTextResponse("ok");
        }),
      ],
      middleware: [new Middleware(frozenSessions(c.now), { secretKey: c.secret_key, ...sessionOptions(c.options) })],
    });
    const headers = c.request_cookie_headers.map((h: string) => ["cookie", h] as [string, string]);
    const response = await new TestClient(app).get("/", { headers });
    const got = response.headers.getList("set-cookie");
    if (modified) {
      // A modified session: 1.x sends exactly what 0.26.1 sent.
      assert.equal(got, c.expected.set_cookie, c.id);
      compared++;
    } else {
      assert.equal(got, [], `${c.id}: 1.x sends no cookie for an unchanged session`);
    }
  }
  assert.ok(compared >= 24, `compared ${compared} cookies byte for byte`);
});

recorded("starlette_request_cookie_parsing: which cookie the middleware reads", async () => {
  for (const c of vectors.starlette_request_cookie_parsing) {
    const app = new App({
      routes: [new Route("/", (request: Request) => new JSONResponse({ session: request.session }))],
      middleware: [new Middleware(frozenSessions(c.now), { secretKey: c.secret_key })],
    });
    const headers = c.request_cookie_headers.map((h: string) => ["cookie", h] as [string, string]);
    const seen = (await new TestClient(app).get("/", { headers })).json() as { session: unknown };
    if (c.case === "two Cookie header lines (only the first is read)") {
      // Decision 2: 1.x merges every Cookie line, so the later line's session is read.
      assert.ok(c.request_cookie_headers.length === 2, c.id);
      const alone = (await new TestClient(app).get("/", { headers: [["cookie", c.request_cookie_headers.join("; ")]] })).json();
      assert.equal(seen, alone, c.id);
    } else {
      assert.equal(seen.session, c.expected.session, c.id);
    }
  }
});

recorded.run();


const ordering = suite("the ordering hint");

ordering("a subclass of SessionMiddleware counts as one for the second line of the error", async () => {
  class MySessions extends SessionMiddleware {}
  const app = new App({ routes: [new Route("/", (r: Request) => (r.session, new PlainTextResponse("x")))] });
  app.addMiddleware(MySessions, { secretKey: "k" });
  app.middleware("http")(async (request, callNext) => (request.session, callNext(request)));
  const error = await new TestClient(app).get("/").catch((e: Error) => e);
  assert.match((error as Error).message, /^SessionMiddleware must be installed to access request\.session\nThis app has a SessionMiddleware/);
});

ordering.run();
