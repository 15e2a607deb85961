// No Python counterpart: property tests over whatever a client can send.
// SessionMiddleware under random and damaged cookies, and the parsers of
// cookies, headers, query strings and path parameters under arbitrary strings.
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { App } from "../src/applications.js";
import { Headers, QueryParams, URL } from "../src/datastructures.js";
import { TimestampSigner } from "../src/itsdangerous/timed.js";
import { Middleware } from "../src/middleware/index.js";
import { SessionMiddleware } from "../src/middleware/sessions.js";
import { cookieParser, cookieValue as findCookie, HTTPConnection, Request } from "../src/requests.js";
import { JSONResponse } from "../src/responses.js";
import { compilePath, Route } from "../src/routing.js";
import { TestClient } from "../src/testclient.js";
import type { Scope } from "../src/types.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SECRET = "fuzz-secret";

let written = false;
const app = new App({
  routes: [
    new Route("/read", (request: Request) => new JSONResponse({ session: request.session })),
    new Route("/write", (request: Request) => {
      request.session.set("n", 1);
      written = true;
      return new JSONResponse({ ok: true });
    }),
  ],
  middleware: [new Middleware(SessionMiddleware, { secretKey: SECRET })],
});
const client = new TestClient(app);
const signer = new TimestampSigner(SECRET);
const valid = signer.sign(Buffer.from('{"user": "ann", "n": 41}').toString("base64"));

// Cookie values a client could send: damaged valid cookies and plain garbage.
const cookieValue = fc.oneof(
  fc.tuple(fc.nat(valid.length - 1), fc.nat(7)).map(([at, bit]) => {
    const bytes = Buffer.from(valid, "latin1");
    bytes[at] ^= 1 << bit;
    return bytes.toString("latin1");
  }),
  fc.nat(valid.length).map((n) => valid.slice(0, n)),
  fc.tuple(fc.nat(valid.length), fc.string({ maxLength: 3 })).map(([at, s]) => valid.slice(0, at) + s + valid.slice(at)),
  fc.string({ maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 100 }).map((s) => Buffer.from(s, "utf8").toString("latin1")),
  fc.constantFrom(
    `${valid}.extra.seps`,
    "....",
    "!!!.@@@.###",
    signer.sign(Buffer.from("[1, 2, 3]").toString("base64")), // signed, not an object
    signer.sign(Buffer.from("null").toString("base64")),
    signer.sign(Buffer.from("not json").toString("base64")),
    signer.sign("not base64 at all!"),
    "x".repeat(8000),
  ),
);

// Latin-1 text without the characters that would end a header line or a cookie.
const headerSafe = (s: string) => s.replace(/[\r\n\0;,\s]/g, "").replace(/[^\x20-\xff]/g, "a");

test(`SessionMiddleware: ${RUNS} damaged or random cookies never throw, give an empty session and no Set-Cookie`, async () => {
  const values = fc.sample(cookieValue, { numRuns: RUNS, seed: 11 });
  let cases = 0;
  for (const raw of values) {
    const value = headerSafe(raw);
    if (value === valid) continue;
    const response = await client.get("/read", { headers: { cookie: `session=${value}` } });
    assert.is(response.statusCode, 200, value);
    assert.equal((response.json() as { session: unknown }).session, {}, value);
    assert.equal(response.headers.getList("set-cookie"), [], value);
    cases++;
  }
  assert.ok(cases > RUNS * 0.9, `${cases} cases`);
  // The undamaged cookie still reads, and a write still writes.
  const ok = await client.get("/read", { headers: { cookie: `session=${valid}` } });
  assert.equal(ok.json(), { session: { user: "ann", n: 41 } });
  written = false;
  const write = await client.get("/write", { headers: { cookie: "session=garbage" } });
  assert.ok(written);
  assert.is(write.headers.getList("set-cookie").length, 1);
});

test("cookieValue(scope, name) is request.cookies[name], for any Cookie lines and names", () => {
  // Names drawn from what the lines contain, so that matches (and repeats) are common.
  const piece = fc.constantFrom("session", "a", "", " ", "=", ";", '"', "\\", "\\042", "x=y", "session=", " session = v ", '"q"', "\t", "\x1c", "\xa0");
  const line = fc.array(fc.oneof(piece, fc.string({ maxLength: 6 })), { maxLength: 12 }).map((parts) => parts.join(""));
  fc.assert(
    fc.property(fc.array(line, { minLength: 0, maxLength: 3 }), fc.oneof(fc.constantFrom("session", "a", "", "x", "q"), fc.string({ maxLength: 4 })), (lines, name) => {
      const scope: Scope = { type: "http", headers: [["host", "h"], ...lines.map((l): [string, string] => ["cookie", l])] };
      assert.is(findCookie(scope, name), new HTTPConnection(scope).cookies[name], JSON.stringify([lines, name]));
    }),
    { numRuns: RUNS * 10 },
  );
});

test("cookieParser, Headers, QueryParams and URL: no exception for any string, in bounded time", () => {
  const start = performance.now();
  fc.assert(
    fc.property(fc.string({ unit: "binary", maxLength: 300 }), (s) => {
      const latin1 = Buffer.from(s, "utf8").toString("latin1");
      const cookies = cookieParser(latin1);
      assert.is(Object.getPrototypeOf(cookies), null);
      const headers = new Headers({ raw: [["cookie", latin1], ["x", latin1]] });
      headers.get("X");
      headers.getlist("cookie");
      const query = new QueryParams(latin1);
      query.toJSON();
      String(query);
      const url = new URL(latin1);
      void [url.scheme, url.netloc, url.path, url.query, url.hostname, url.port, url.username, url.password];
      return true;
    }),
    { numRuns: RUNS * 10 },
  );
  assert.ok(performance.now() - start < 20_000, "no pathological slowness");
});

test("path convertors: any path either matches with converted values or does not match", () => {
  const compiled = [compilePath("/a/{x:int}"), compilePath("/b/{x:float}"), compilePath("/c/{x:uuid}"), compilePath("/d/{x:path}"), compilePath("/e/{x}")];
  fc.assert(
    fc.property(fc.constantFrom("/a/", "/b/", "/c/", "/d/", "/e/"), fc.string({ unit: "binary", maxLength: 60 }), (prefix, rest) => {
      for (const { regex, convertors } of compiled) {
        const m = regex.exec(prefix + rest);
        if (m?.groups) for (const [k, v] of Object.entries(m.groups)) convertors[k].convert(v as string);
      }
      return true;
    }),
    { numRuns: RUNS * 10 },
  );
});

test("a route that takes arbitrary paths and queries answers every one", async () => {
  const echo = new App({ routes: [new Route("/{rest:path}", (r: Request) => ({ path: r.pathParams.rest, q: r.queryParams.toJSON() }))] });
  const c = new TestClient(echo, { raiseServerExceptions: true });
  const samples = fc.sample(fc.tuple(fc.webPath(), fc.webQueryParameters()), { numRuns: RUNS, seed: 5 });
  for (const [path, query] of samples) {
    const response = await c.get(`/${path.replace(/^\//, "")}${query ? "?" + query : ""}`, { followRedirects: false });
    assert.ok([200, 307, 404].includes(response.statusCode), `${path}?${query}: ${response.statusCode}`);
  }
});

test.run();
