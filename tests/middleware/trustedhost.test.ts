// Port of tests/middleware/test_trusted_host.py (Starlette 1.x, with upstream's
// IPv6 test), then the Host header parser, option checks, and Starlette 1.7's
// own TrustedHostMiddleware against ours on every option and many Host values
// (tests/python/starlette_middleware.py), for http and websocket scopes.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { App } from "../../src/applications.js";
import { Middleware } from "../../src/middleware/index.js";
import { parseHostHeader } from "../../src/_utils.js";
import { TrustedHostMiddleware, type TrustedHostOptions } from "../../src/middleware/trustedhost.js";
import { PlainTextResponse } from "../../src/responses.js";
import { Route } from "../../src/routing.js";
import { TestClient } from "../../src/testclient.js";
import type { ASGIApp, Message, Scope } from "../../src/types.js";
import { requirePython, runPython } from "../python.js";
import { body, differ, h, start, type Case } from "./_inprocess.js";

const homepage = () => new PlainTextResponse("OK", { statusCode: 200 });
const trustedApp = (options: TrustedHostOptions) => new App({ routes: [new Route("/", homepage)], middleware: [new Middleware(TrustedHostMiddleware, options)] });

const starlette = suite("test_trusted_host.py");

starlette("test_trusted_host_middleware", async () => {
  const app = trustedApp({ allowedHosts: ["testserver", "*.testserver"] });
  assert.is((await new TestClient(app).get("/")).statusCode, 200);
  assert.is((await new TestClient(app, { baseUrl: "http://subdomain.testserver" }).get("/")).statusCode, 200);
  assert.is((await new TestClient(app, { baseUrl: "http://invalidhost" }).get("/")).statusCode, 400);
});

starlette("test_trusted_host_middleware_with_ipv6", async () => {
  const client = new TestClient(trustedApp({ allowedHosts: ["[::1]"] }));
  assert.is((await client.get("/", { headers: { host: "[::1]:8000" } })).statusCode, 200);
  assert.is((await client.get("/", { headers: { host: "[::1]:attacker" } })).statusCode, 400);
  assert.is((await client.get("/", { headers: { host: "[::1]:" } })).statusCode, 400);
});

starlette("test_default_allowed_hosts", () => {
  const middleware = new TrustedHostMiddleware(new App().call.bind(new App()));
  assert.equal(middleware.allowedHosts, ["*"]);
});

starlette("test_www_redirect", async () => {
  const client = new TestClient(trustedApp({ allowedHosts: ["www.example.com"] }), { baseUrl: "https://example.com" });
  const response = await client.get("/");
  assert.is(response.statusCode, 200);
  assert.is(String(response.url), "https://www.example.com/");
});

starlette.run();

// ---------------------------------------------------------------- the Host header

const host = suite("parseHostHeader, as _utils.parse_host_header");
const python = requirePython("starlette");

host("agrees with Starlette's on every Host value tried, IPv6 literals included", () => {
  if (!python) return;
  const values = [
    "example.com", "EXAMPLE.com", "example.com:8000", "example.com:", "example.com:99999", "example.com:0", "a~b.c", "x_y", "%41", "a!$&'()*+,;=b", "a/b", "a?b", "a#b", "a@b", "a b", "",
    "[::1]", "[::1]:80", "[::1]:", "[::1]x", "[::g]", "[1:2:3:4:5:6:7:8]", "[1:2:3:4:5:6:7:8:9]", "[::ffff:1.2.3.4]", "[::ffff:01.2.3.4]", "[v1.a:b]", "[V1.a]", "[v1.]", "[vg.a]",
    "[fe80::1%eth0]", "[::1]:8000:1", "example.com\n", "\u00e9xample.com", "127.0.0.1:8000", "localhost", "[]", "[:]", "[::]",
  ];
  const theirs = runPython<Array<[string, string | null] | null>>("parse_host_header", { values });
  values.forEach((value, i) => {
    const ours = parseHostHeader(value);
    assert.equal(ours === null ? null : [ours.host, ours.port], theirs[i], JSON.stringify(value));
  });
  assert.is(parseHostHeader(null), null);
});

host.run();

// ---------------------------------------------------------------- options

const options = suite("TrustedHostMiddleware options");
const inner: ASGIApp = async () => undefined;

options("wildcards only as a leading '*.', and other wrong options: a TypeError naming the option", () => {
  for (const [value, message] of [
    [{ allowedHosts: ["*example.com"] }, /TrustedHostMiddleware option "allowedHosts": "\*example.com": Domain wildcard patterns must be like '\*.example.com'\./],
    [{ allowedHosts: ["example.*"] }, /Domain wildcard patterns/],
    [{ allowedHosts: ["*.*.example.com"] }, /Domain wildcard patterns/],
    [{ allowedHosts: "example.com" }, /"allowedHosts" must be an array of host names, or null/],
    [{ allowedHosts: [1] }, /"allowedHosts"/],
    [{ wwwRedirect: "no" }, /"wwwRedirect" must be true or false/],
    [{ allowed_hosts: ["*"] }, /did you mean "allowedHosts"\?/],
  ] as const) {
    assert.throws(() => new TrustedHostMiddleware(inner, value as TrustedHostOptions), (e: unknown) => e instanceof TypeError && message.test((e as Error).message), String(message));
  }
  assert.equal(new TrustedHostMiddleware(inner, { allowedHosts: null }).allowedHosts, ["*"]);
  assert.ok(new TrustedHostMiddleware(inner, { allowedHosts: ["*", "example.com"] }).allowAny);
});

options("allowAny, and lifespan scopes, pass straight through", async () => {
  const seen: string[] = [];
  const app: ASGIApp = async (scope) => void seen.push(scope.type);
  await new TrustedHostMiddleware(app).call({ type: "http", headers: [["host", "a/b"]] }, async () => ({ type: "x" }), async () => undefined);
  await new TrustedHostMiddleware(app, { allowedHosts: ["example.com"] }).call({ type: "lifespan" }, async () => ({ type: "x" }), async () => undefined);
  assert.equal(seen, ["http", "lifespan"]);
});

options("a websocket for a host not allowed is denied with Starlette's 400 denial response", async () => {
  const sent: Message[] = [];
  const scope: Scope = { type: "websocket", scheme: "ws", path: "/", headers: [["host", "evil.com"]], extensions: { "websocket.http.response": {} } };
  await new TrustedHostMiddleware(inner, { allowedHosts: ["example.com"] }).call(scope, async () => ({ type: "websocket.connect" }), async (m) => void sent.push(m));
  assert.equal(sent.map((m) => m.type), ["websocket.http.response.start", "websocket.http.response.body"]);
  assert.is(sent[0].status, 400);
  assert.is(Buffer.from(sent[1].body as Uint8Array).toString(), "Invalid host header");
});

options.run();

// ---------------------------------------------------------------- against Starlette

const differential = suite("TrustedHostMiddleware against Starlette 1.7's, in-process");

function trustedHostCases(): Case[] {
  const app = [start(200, h(["content-type", "text/plain"])), body("OK")];
  const hostLists: Array<TrustedHostOptions["allowedHosts"]> = [undefined, null, ["example.com"], ["*.example.com"], ["www.example.com"], ["example.com", "*.example.com", "www.example.org"], [],
    ["[::1]", "127.0.0.1", "localhost"], ["*"], ["www.EXAMPLE.com"], ["*.com"], ["exa_mple.com", "www.a~b.example"]];
  const hosts = [undefined, "example.com", "www.example.com", "sub.example.com", "a.b.example.com", "EXAMPLE.com", "example.com:8000", "www.example.org", "example.org", "[::1]:80", "[::1]",
    "[::g]", "[v1.x]", "[V1.x]", "", "bad host", "a/b", "exa_mple.com", "evil.com#@example.com", "example.com.", "example.com:99999", "example.com:", "a~b.example", "a~b.example:8080",
    "127.0.0.1:8000", "localhost", "[::ffff:1.2.3.4]:443", "xexample.com", ".example.com", "example.com:80"];
  const cases: Case[] = [];
  for (const allowedHosts of hostLists) {
    for (const wwwRedirect of [undefined, false]) {
      for (const hostValue of hosts) {
        for (const type of ["http", "websocket"]) {
          const opts: Record<string, unknown> = {};
          if (allowedHosts !== undefined) opts.allowedHosts = allowedHosts;
          if (wwwRedirect !== undefined) opts.wwwRedirect = wwwRedirect;
          cases.push({
            name: `${JSON.stringify(opts)} ${type} host ${JSON.stringify(hostValue)}`,
            middleware: "trustedhost",
            options: opts,
            scope: { type, scheme: type === "http" ? "http" : "ws", path: "/some path/ä", query_string: "a=1&b=%20", headers: hostValue === undefined ? [] : [["host", hostValue]], server: ["10.0.0.1", 8000] },
            messages: app,
          });
        }
      }
    }
  }
  return cases;
}

differential("every option and Host value: the same answer, or a redirect URL that only URL.fromScope makes differently", async () => {
  if (!python) return;
  const cases = trustedHostCases();
  const { blocks } = await differ(cases);
  console.log(`  (TrustedHostMiddleware: ${cases.length} cases against Starlette's, ${cases.length - blocks.length} alike)`);
  assert.is(blocks.length, 0, blocks.slice(0, 20).join("\n"));
});

differential.run();
