// Port of the behaviour FastAPI's tests/test_security_http_{base,basic,bearer,digest}*.py check,
// and more: every scheme called in process on a corpus of Authorization headers (random base64
// included) and compared with the venv's FastAPI (tests/python/fastapi_security.py), then the test
// apps served by both and compared request by request (tests/fastapi/cases/security_http.ts).
import { suite, test } from "uvu";
import * as assert from "uvu/assert";
import { HTTPException } from "../../../src/fastapi/exceptions.js";
import { HTTPBase, HTTPBasic, HTTPBearer, HTTPDigest } from "../../../src/fastapi/security/index.js";
import { requirePython } from "../../python.js";
import { makeApp } from "../apps/security_http.js";
import { cases } from "../cases/security_http.js";
import { differential } from "../differential.js";
import { type CallSpec, type SchemeSpec, askFastAPI, makeRequest, tsCalls } from "./_oracle.js";

// A small deterministic generator (mulberry32), so that a failure can be replayed.
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function base64Corpus(): string[] {
  const next = random(20260805);
  const pick = (alphabet: string, n: number) => Array.from({ length: n }, () => alphabet[Math.floor(next() * alphabet.length)]).join("");
  const out = ["", "=", "==", "am9objpzZWNyZXQ=", "am9objpzZWNyZXQ", "am9objpzZWNyZXQ==", "am9obnNlY3JldA==", "notabase64token", "am9o bjpz ZWNy ZXQ=", "am9objpzZWNyZXQ=garbage", "=am9objpzZWNyZXQ=", "YQ=", "YQ==", "YQ=x=", "YWJj=ZGVm", "am9objo=", "OnNlY3JldA==", "Og==", "am9objpz\u00e9ZWNyZXQ=", "am9objpzZWNyZXQ=\u00e9", "w6k6eA==", "/w==", "am9o*bjpzZWNyZXQ="];
  // Random text over base64's alphabet and its neighbours.
  for (let i = 0; i < 600; i++) out.push(pick("ABCDabcd0189+/=-_.:! \t\u00e9", Math.floor(next() * 14)));
  // Encodings of random bytes: ASCII with and without a colon, and bytes past ASCII.
  for (let i = 0; i < 300; i++) {
    const bytes = Buffer.from(Array.from({ length: Math.floor(next() * 12) }, () => (next() < 0.1 ? 0x3a : Math.floor(next() * (next() < 0.2 ? 256 : 128)))));
    const encoded = bytes.toString("base64");
    out.push(next() < 0.3 ? encoded.replace(/=+$/, "") : encoded);
  }
  return out;
}

const HEADERS: Array<Array<[string, string]>> = [
  [],
  [["Authorization", ""]],
  [["Authorization", "Basic"]],
  [["Authorization", "Basic "]],
  [["Authorization", "Bearer"]],
  [["Authorization", "Bearer "]],
  [["Authorization", "Bearer foobar"]],
  [["Authorization", "bearer foobar"]],
  [["Authorization", "BEARER  foobar "]],
  [["Authorization", "Bearer foo bar"]],
  [["Authorization", "Bearer\tfoobar"]],
  [["Authorization", "Digest foobar"]],
  [["Authorization", "digest username=\"a\", realm=\"r\""]],
  [["Authorization", "Other foobar"]],
  [["Authorization", "Other  foobar "]],
  [["Authorization", "Other invalidauthorization"]],
  [["Authorization", "Basic notreally"]],
  [["Authorization", "Basic am9objpzZWNyZXQ="]],
  [["Authorization", "basic am9objpzZWNyZXQ="]],
  [["Authorization", "Basic  am9objpzZWNyZXQ= "]],
  [["Authorization", "Basic am9objpzZWNyZXQ=\u0085"]],
  [["Authorization", "Basic\u00a0am9objpzZWNyZXQ="]],
  [["Authorization", " Basic am9objpzZWNyZXQ="]],
  [["Authorization", "Bearer \u00e9t\u00e9"]],
  [["authorization", "Bearer first"], ["Authorization", "Bearer second"]],
];

const SCHEMES: SchemeSpec[] = [
  { cls: "HTTPBase", options: { scheme: "Other" } },
  { cls: "HTTPBase", options: { scheme: "Other", autoError: false } },
  { cls: "HTTPBasic" },
  { cls: "HTTPBasic", options: { realm: "simple" } },
  { cls: "HTTPBasic", options: { autoError: false } },
  { cls: "HTTPBasic", options: { realm: "", autoError: false } },
  { cls: "HTTPBearer" },
  { cls: "HTTPBearer", options: { autoError: false } },
  { cls: "HTTPDigest" },
  { cls: "HTTPDigest", options: { autoError: false } },
];

// Scheme names whose challenge is `scheme.title()`: every latin-1 character, where a header can carry it.
const TITLES = ["other", "OTHER", "my-scheme_x", "oauth2token", "x1y", "ßx", "mY sChEmE", ...Array.from({ length: 256 }, (_, i) => `x${String.fromCharCode(i)}y${String.fromCharCode(i)}`)];

if (requirePython("fastapi")) {
  const basic = base64Corpus().map((s): CallSpec => ({ cls: "HTTPBasic", options: { realm: "r" }, headers: [["Authorization", `Basic ${s}`]] }));
  const calls: CallSpec[] = [...SCHEMES.flatMap((s) => HEADERS.map((headers) => ({ ...s, headers }))), ...basic];
  const fastapi = askFastAPI({ calls, title: TITLES });

  test("every HTTP scheme answers each Authorization header as FastAPI's", () => {
    const ts = tsCalls(calls);
    const wrong = calls.flatMap((c, i) => (JSON.stringify(ts[i]) === JSON.stringify(fastapi.calls[i]) ? [] : [`${c.cls} ${JSON.stringify(c.options)} ${JSON.stringify(c.headers)}: python ${JSON.stringify(fastapi.calls[i])}, ts ${JSON.stringify(ts[i])}`]));
    assert.equal(wrong, [], wrong.slice(0, 20).join("\n"));
  });

  test("HTTPBase's challenge is scheme.title(), as Python titles it", () => {
    TITLES.forEach((t, i) => assert.equal({ ok: new HTTPBase({ scheme: t }).makeAuthenticateHeaders()["WWW-Authenticate"] }, fastapi.title[i], JSON.stringify(t)));
  });
}

const authorization = (value: string) => ({ request: makeRequest([["Authorization", value]]) });

function challenge(fn: () => unknown): [number, unknown, Record<string, string> | null] {
  try {
    fn();
  } catch (err) {
    if (err instanceof HTTPException) return [err.statusCode, err.detail, err.headers];
    throw err;
  }
  throw new Error("no HTTPException");
}

test("test_security_http_basic_realm: the challenge names the realm; bad base64 is a 401 even without autoError", () => {
  const realm = new HTTPBasic({ realm: "simple" });
  assert.equal(realm.call(authorization("Basic am9objpzZWNyZXQ=")), { username: "john", password: "secret" });
  assert.equal(challenge(() => realm.call({ request: makeRequest() })), [401, "Not authenticated", { "WWW-Authenticate": 'Basic realm="simple"' }]);
  const optional = new HTTPBasic({ autoError: false });
  assert.is(optional.call({ request: makeRequest() }), undefined);
  assert.is(optional.call(authorization("Bearer x")), undefined);
  assert.equal(challenge(() => optional.call(authorization("Basic notabase64token"))), [401, "Not authenticated", { "WWW-Authenticate": "Basic" }]);
  assert.equal(challenge(() => optional.call(authorization(`Basic ${Buffer.from("johnsecret").toString("base64")}`))), [401, "Not authenticated", { "WWW-Authenticate": "Basic" }]);
  assert.equal(optional.call(authorization(`Basic ${Buffer.from("a:b:c").toString("base64")}`)), { username: "a", password: "b:c" });
});

test("test_security_http_bearer / digest / base: scheme and credentials, or the 401", () => {
  assert.equal(new HTTPBearer().call(authorization("Bearer foobar")), { scheme: "Bearer", credentials: "foobar" });
  assert.equal(challenge(() => new HTTPBearer().call(authorization("Basic notreally"))), [401, "Not authenticated", { "WWW-Authenticate": "Bearer" }]);
  assert.equal(new HTTPDigest().call(authorization("Digest foobar")), { scheme: "Digest", credentials: "foobar" });
  assert.equal(challenge(() => new HTTPDigest().call(authorization("Other invalidauthorization"))), [401, "Not authenticated", { "WWW-Authenticate": "Digest" }]);
  assert.equal(new HTTPBase({ scheme: "Other" }).call(authorization("Other  foobar ")), { scheme: "Other", credentials: "foobar" });
  assert.is(new HTTPBearer({ autoError: false }).call(authorization("Bearer")), undefined);
  assert.is(new HTTPBase({ scheme: "Other", autoError: false }).call(authorization("Other")), undefined);
});

test("the models", () => {
  assert.equal(new HTTPBasic().model, { type: "http", scheme: "basic" });
  assert.equal(new HTTPBearer({ bearerFormat: "JWT" }).model, { type: "http", scheme: "bearer", bearerFormat: "JWT" });
  assert.equal(new HTTPDigest({ description: "d" }).model, { type: "http", description: "d", scheme: "digest" });
  assert.is(new HTTPBasic({ realm: "r" }).realm, "r");
  assert.is(new HTTPBasic().realm, null);
});

const served = suite("security_http: FastAPI's test apps served");
differential(served, { python: "security_http", ts: makeApp, cases });
served.run();

test.run();
