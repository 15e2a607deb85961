// No Python counterpart: the real Starlette (1.x, from the .venv-py virtualenv) and
// starlette-ts share sessions. Starlette reads the cookie starlette-ts set and
// the other way round; with the clock pinned, the cookies are the same bytes.
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { App } from "../../src/applications.js";
import { Middleware } from "../../src/middleware/index.js";
import { SessionMiddleware, type SessionOptions } from "../../src/middleware/sessions.js";
import type { Request } from "../../src/requests.js";
import { JSONResponse } from "../../src/responses.js";
import { Route } from "../../src/routing.js";
import { TestClient } from "../../src/testclient.js";
import type { ASGIApp } from "../../src/types.js";
import { requirePython, runPython } from "../python.js";

const SESSIONS: Array<Record<string, unknown>> = [
  { user: "ann" },
  { name: "Zoë ☕", city: "東京", emoji: "😀 mixed 😀" },
  { nested: { list: [1, 2, { deep: [true, false, null] }], empty: {} } },
  { int: 42, neg: -7, zero: 0, float: 3.14, small: 1.5e-7, big: 1e100, max_safe: 9007199254740991 },
  { yes: true, no: false, nothing: null },
  { quote: 'say "hi"\\', control: "tab\tnewline\n\u0001\u007f", html: "</script>" },
  JSON.parse('{"__proto__": "just data", "constructor": 1, "prototype": []}') as Record<string, unknown>,
];

/** JSON numbers that survive a trip through JavaScript unchanged (no 1.0, no integers past 2**53). */
function jsNumbersOnly(value: unknown): boolean {
  if (typeof value === "number") return !Number.isInteger(value) || Number.isSafeInteger(value);
  if (Array.isArray(value)) return value.every(jsNumbersOnly);
  if (value && typeof value === "object") return Object.entries(value).every(([k, v]) => !/^\d+$/.test(k) && jsNumbersOnly(v));
  return true;
}

function frozenSessions(now: number) {
  return class extends SessionMiddleware {
    constructor(app: ASGIApp, options: SessionOptions) {
      super(app, options);
      this.signer.getTimestamp = () => now;
    }
  };
}

function tsApp(secret: string, now: number): App {
  return new App({
    routes: [
      new Route("/set", async (r: Request) => (r.session.update(await r.json<Record<string, unknown>>()), new JSONResponse({ ok: true })), { methods: ["POST"] }),
      new Route("/view", (r: Request) => new JSONResponse({ session: r.session })),
    ],
    middleware: [new Middleware(frozenSessions(now), { secretKey: secret })],
  });
}

if (requirePython("starlette", "itsdangerous", "httpx")) {
  test("Starlette reads starlette-ts cookies, starlette-ts reads Starlette's, byte-identical", async () => {
    const random = fc.sample(fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }), { numRuns: 150, seed: 7 });
    // Plain objects (fast-check's dictionaries may have no prototype).
    const sessions = [...SESSIONS, ...random.filter((s) => Object.keys(s).length > 0 && jsNumbersOnly(s))].map((s) => JSON.parse(JSON.stringify(s)) as Record<string, unknown>);
    const cases = [];
    for (const [i, session] of sessions.entries()) {
      const secret = i % 2 ? "some-random-string" : "pässwörd-🔐";
      const now = 1700000000 + i;
      const sessionJson = JSON.stringify(session);
      const response = await new TestClient(tsApp(secret, now)).post("/set", { content: sessionJson, headers: { "content-type": "application/json" } });
      const setCookie = response.headers.get("set-cookie") as string;
      const cookie = /^session=([^;]*);/.exec(setCookie)?.[1] as string;
      cases.push({ secret, now, session, session_json: sessionJson, their_cookie: cookie, set_cookie: setCookie });
    }
    const python = runPython<Array<{ set_cookie: string; seen: unknown }>>("starlette_sessions", cases);
    assert.is(python.length, cases.length);
    for (const [i, c] of cases.entries()) {
      const where = `session ${i}: ${c.session_json}`;
      assert.is(python[i].set_cookie, c.set_cookie, `${where}: same Set-Cookie bytes`);
      assert.equal(python[i].seen, c.session, `${where}: Starlette reads ours`);
      const pyCookie = /^session=([^;]*);/.exec(python[i].set_cookie)?.[1] as string;
      const ours = await new TestClient(tsApp(c.secret, c.now), { cookies: { session: pyCookie } }).get("/view");
      assert.equal((ours.json() as { session: unknown }).session, c.session, `${where}: we read Starlette's`);
    }
    assert.ok(cases.length >= SESSIONS.length + 25, `ran ${cases.length} sessions`);
  });

  test.run();
}
