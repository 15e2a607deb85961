// Port of tests/middleware/test_cors.py (Starlette 1.x; where an upstream
// assertion predates 1.7's Vary handling, the value is 1.7's), then option
// checks, hostile input, and every option combination that changes a header
// run through Starlette 1.7's own CORSMiddleware and ours (tests/python/starlette_middleware.py).
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { gunzipSync } from "node:zlib";
import { App } from "../../src/applications.js";
import { Middleware } from "../../src/middleware/index.js";
import { ALL_METHODS, CORSMiddleware, type CORSOptions } from "../../src/middleware/cors.js";
import { GZipMiddleware } from "../../src/middleware/gzip.js";
import type { Request } from "../../src/requests.js";
import { PlainTextResponse } from "../../src/responses.js";
import { Route } from "../../src/routing.js";
import { TestClient } from "../../src/testclient.js";
import type { ASGIApp } from "../../src/types.js";
import { requirePython } from "../python.js";
import { body, differ, h, runTs, start, type Case } from "./_inprocess.js";

const homepage = () => new PlainTextResponse("Homepage", { statusCode: 200 });
const unreachable = (): never => {
  throw new Error("the endpoint is not reached");
};

function corsApp(options: CORSOptions, endpoint: (request: Request) => PlainTextResponse = homepage, methods?: string[]): App {
  return new App({ routes: [new Route("/", endpoint, methods ? { methods } : {})], middleware: [new Middleware(CORSMiddleware, options)] });
}

const PREFLIGHT_VARY = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers, Access-Control-Request-Private-Network";
const varySet = (value: string | null): Set<string> => new Set((value ?? "").split(",").map((v) => v.trim()));

const starlette = suite("test_cors.py");

starlette("test_cors_allow_all", async () => {
  const client = new TestClient(corsApp({ allowOrigins: ["*"], allowHeaders: ["*"], allowMethods: ["*"], exposeHeaders: ["X-Status"], allowCredentials: true }));

  // Test pre-flight response
  let response = await client.options("/", { headers: { Origin: "https://example.org", "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "X-Example" } });
  assert.is(response.statusCode, 200);
  assert.is(response.text, "OK");
  assert.is(response.headers.get("access-control-allow-origin"), "https://example.org");
  assert.is(response.headers.get("access-control-allow-headers"), "X-Example");
  assert.is(response.headers.get("access-control-allow-credentials"), "true");
  assert.is(response.headers.get("vary"), PREFLIGHT_VARY); // upstream's older test: "Origin"

  // Test standard response
  response = await client.get("/", { headers: { Origin: "https://example.org" } });
  assert.is(response.statusCode, 200);
  assert.is(response.text, "Homepage");
  assert.is(response.headers.get("access-control-allow-origin"), "https://example.org");
  assert.is(response.headers.get("access-control-expose-headers"), "X-Status");
  assert.is(response.headers.get("access-control-allow-credentials"), "true");

  // Test standard credentialed response
  response = await client.get("/", { headers: { Origin: "https://example.org", Cookie: "star_cookie=sugar" } });
  assert.is(response.statusCode, 200);
  assert.is(response.text, "Homepage");
  assert.is(response.headers.get("access-control-allow-origin"), "https://example.org");
  assert.is(response.headers.get("access-control-expose-headers"), "X-Status");
  assert.is(response.headers.get("access-control-allow-credentials"), "true");

  // Test non-CORS response
  response = await client.get("/");
  assert.is(response.statusCode, 200);
  assert.is(response.text, "Homepage");
  assert.not.ok(response.headers.has("access-control-allow-origin"));
});

starlette("test_cors_allow_all_except_credentials", async () => {
  const client = new TestClient(corsApp({ allowOrigins: ["*"], allowHeaders: ["*"], allowMethods: ["*"], exposeHeaders: ["X-Status"] }));

  let response = await client.options("/", { headers: { Origin: "https://example.org", "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "X-Example" } });
  assert.is(response.statusCode, 200);
  assert.is(response.text, "OK");
  assert.is(response.headers.get("access-control-allow-origin"), "*");
  assert.is(response.headers.get("access-control-allow-headers"), "X-Example");
  assert.not.ok(response.headers.has("access-control-allow-credentials"));
  assert.is(response.headers.get("vary"), PREFLIGHT_VARY); // upstream's older test: no Vary

  response = await client.get("/", { headers: { Origin: "https://example.org" } });
  assert.is(response.statusCode, 200);
  assert.is(response.text, "Homepage");
  assert.is(response.headers.get("access-control-allow-origin"), "*");
  assert.is(response.headers.get("access-control-expose-headers"), "X-Status");
  assert.not.ok(response.headers.has("access-control-allow-credentials"));

  response = await client.get("/");
  assert.is(response.statusCode, 200);
  assert.is(response.text, "Homepage");
  assert.not.ok(response.headers.has("access-control-allow-origin"));
});

starlette("test_cors_allow_specific_origin", async () => {
  const client = new TestClient(corsApp({ allowOrigins: ["https://example.org"], allowHeaders: ["X-Example", "Content-Type"] }));

  let response = await client.options("/", { headers: { Origin: "https://example.org", "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "X-Example, Content-Type" } });
  assert.is(response.statusCode, 200);
  assert.is(response.text, "OK");
  assert.is(response.headers.get("access-control-allow-origin"), "https://example.org");
  assert.is(response.headers.get("access-control-allow-headers"), "Accept, Accept-Language, Content-Language, Content-Type, X-Example");
  assert.not.ok(response.headers.has("access-control-allow-credentials"));

  response = await client.get("/", { headers: { Origin: "https://example.org" } });
  assert.is(response.statusCode, 200);
  assert.is(response.text, "Homepage");
  assert.is(response.headers.get("access-control-allow-origin"), "https://example.org");
  assert.not.ok(response.headers.has("access-control-allow-credentials"));

  response = await client.get("/");
  assert.is(response.statusCode, 200);
  assert.is(response.text, "Homepage");
  assert.not.ok(response.headers.has("access-control-allow-origin"));
});

starlette("test_cors_disallowed_preflight", async () => {
  const client = new TestClient(corsApp({ allowOrigins: ["https://example.org"], allowHeaders: ["X-Example"] }, unreachable));

  let response = await client.options("/", { headers: { Origin: "https://another.org", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "X-Nope" } });
  assert.is(response.statusCode, 400);
  assert.is(response.text, "Disallowed CORS origin, method, headers");
  assert.not.ok(response.headers.has("access-control-allow-origin"));

  // Bug specific test, https://github.com/Kludex/starlette/pull/1199
  // Test preflight response text with multiple disallowed headers
  response = await client.options("/", { headers: { Origin: "https://example.org", "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "X-Nope-1, X-Nope-2" } });
  assert.is(response.text, "Disallowed CORS headers");
});

starlette("test_preflight_allows_request_origin_if_origins_wildcard_and_credentials_allowed", async () => {
  const client = new TestClient(corsApp({ allowOrigins: ["*"], allowMethods: ["POST"], allowCredentials: true }, unreachable));
  const response = await client.options("/", { headers: { Origin: "https://example.org", "Access-Control-Request-Method": "POST" } });
  assert.is(response.statusCode, 200);
  assert.is(response.headers.get("access-control-allow-origin"), "https://example.org");
  assert.is(response.headers.get("access-control-allow-credentials"), "true");
  assert.is(response.headers.get("vary"), PREFLIGHT_VARY); // upstream's older test: "Origin"
});

starlette("test_cors_preflight_allow_all_methods", async () => {
  const client = new TestClient(corsApp({ allowOrigins: ["*"], allowMethods: ["*"] }, unreachable));
  for (const method of ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "QUERY"]) {
    const response = await client.options("/", { headers: { Origin: "https://example.org", "Access-Control-Request-Method": method } });
    assert.is(response.statusCode, 200);
    assert.ok((response.headers.get("access-control-allow-methods") as string).includes(method));
  }
});

starlette("test_cors_allow_all_methods", async () => {
  const client = new TestClient(corsApp({ allowOrigins: ["*"], allowMethods: ["*"] }, homepage, ["delete", "get", "head", "options", "patch", "post", "put"]));
  const headers = { Origin: "https://example.org" };
  for (const method of ["patch", "post", "put"] as const) assert.is((await client[method]("/", { headers, json: {} })).statusCode, 200);
  for (const method of ["delete", "get", "head", "options"] as const) assert.is((await client[method]("/", { headers })).statusCode, 200);
});

starlette("test_cors_allow_origin_regex", async () => {
  const client = new TestClient(corsApp({ allowHeaders: ["X-Example", "Content-Type"], allowOriginRegex: "https://.*", allowCredentials: true }));

  let response = await client.get("/", { headers: { Origin: "https://example.org" } });
  assert.is(response.statusCode, 200);
  assert.is(response.text, "Homepage");
  assert.is(response.headers.get("access-control-allow-origin"), "https://example.org");
  assert.is(response.headers.get("access-control-allow-credentials"), "true");

  response = await client.get("/", { headers: { Origin: "https://example.org", Cookie: "star_cookie=sugar" } });
  assert.is(response.headers.get("access-control-allow-origin"), "https://example.org");
  assert.is(response.headers.get("access-control-allow-credentials"), "true");

  // Enforcement is the browser's: the refusal is the missing allow-origin header.
  response = await client.get("/", { headers: { Origin: "http://example.org" } });
  assert.is(response.statusCode, 200);
  assert.is(response.text, "Homepage");
  assert.not.ok(response.headers.has("access-control-allow-origin"));

  response = await client.options("/", { headers: { Origin: "https://another.com", "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "X-Example, content-type" } });
  assert.is(response.statusCode, 200);
  assert.is(response.text, "OK");
  assert.is(response.headers.get("access-control-allow-origin"), "https://another.com");
  assert.is(response.headers.get("access-control-allow-headers"), "Accept, Accept-Language, Content-Language, Content-Type, X-Example");
  assert.is(response.headers.get("access-control-allow-credentials"), "true");

  response = await client.options("/", { headers: { Origin: "http://another.com", "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "X-Example" } });
  assert.is(response.statusCode, 400);
  assert.is(response.text, "Disallowed CORS origin");
  assert.not.ok(response.headers.has("access-control-allow-origin"));
});

starlette("test_cors_allow_origin_regex_fullmatch", async () => {
  const client = new TestClient(corsApp({ allowHeaders: ["X-Example", "Content-Type"], allowOriginRegex: String.raw`https://.*\.example.org` }));

  let response = await client.get("/", { headers: { Origin: "https://subdomain.example.org" } });
  assert.is(response.statusCode, 200);
  assert.is(response.text, "Homepage");
  assert.is(response.headers.get("access-control-allow-origin"), "https://subdomain.example.org");
  assert.not.ok(response.headers.has("access-control-allow-credentials"));

  response = await client.get("/", { headers: { Origin: "https://subdomain.example.org.hacker.com" } });
  assert.is(response.statusCode, 200);
  assert.is(response.text, "Homepage");
  assert.not.ok(response.headers.has("access-control-allow-origin"));
});

starlette("test_cors_vary_header_defaults_to_origin", async () => {
  const response = await new TestClient(corsApp({ allowOrigins: ["https://example.org"] })).get("/", { headers: { Origin: "https://example.org" } });
  assert.is(response.statusCode, 200);
  assert.is(response.headers.get("vary"), "Origin");
});

const withVary = () => new PlainTextResponse("Homepage", { statusCode: 200, headers: { Vary: "Accept-Encoding" } });

starlette("test_cors_vary_header_is_set_for_non_credentialed_request", async () => {
  const response = await new TestClient(corsApp({ allowOrigins: ["*"] }, withVary)).get("/", { headers: { Origin: "https://someplace.org" } });
  assert.is(response.statusCode, 200);
  assert.is(response.headers.get("vary"), "Accept-Encoding, Origin");
});

starlette("test_cors_vary_header_is_properly_set_for_credentialed_request", async () => {
  const response = await new TestClient(corsApp({ allowOrigins: ["*"], allowCredentials: true }, withVary)).get("/", { headers: { Origin: "https://someplace.org" } });
  assert.is(response.statusCode, 200);
  assert.is(response.headers.get("vary"), "Accept-Encoding, Origin");
});

starlette("test_cors_vary_header_is_properly_set_when_allow_origins_is_not_wildcard", async () => {
  const response = await new TestClient(corsApp({ allowOrigins: ["https://example.org"] }, withVary)).get("/", { headers: { Origin: "https://example.org" } });
  assert.is(response.statusCode, 200);
  assert.is(response.headers.get("vary"), "Accept-Encoding, Origin");
});

starlette("test_cors_allowed_origin_does_not_leak_between_requests", async () => {
  const client = new TestClient(corsApp({ allowOrigins: ["https://example.org"] }));
  assert.is((await client.get("/", { headers: { Origin: "https://example.org" } })).headers.get("access-control-allow-origin"), "https://example.org");
  assert.not.ok((await client.get("/", { headers: { Origin: "https://other.org" } })).headers.has("access-control-allow-origin"));
  assert.is((await client.get("/", { headers: { Origin: "https://example.org" } })).headers.get("access-control-allow-origin"), "https://example.org");
});

starlette("test_cors_allowed_origin_does_not_leak_between_credentialed_requests", async () => {
  const client = new TestClient(corsApp({ allowOrigins: ["*"], allowHeaders: ["*"], allowMethods: ["*"], allowCredentials: true }));
  for (const [origin, cookie] of [["https://first.example", null], ["https://second.example", "foo=bar"], ["https://first.example", null]] as const) {
    const response = await client.get("/", { headers: cookie ? { Cookie: cookie, Origin: origin } : { Origin: origin } });
    assert.is(response.headers.get("access-control-allow-origin"), origin);
    assert.is(response.headers.get("access-control-allow-credentials"), "true");
  }
});

starlette("test_cors_private_network_access_allowed", async () => {
  const client = new TestClient(corsApp({ allowOrigins: ["*"], allowMethods: ["*"], allowPrivateNetwork: true }));
  const withoutPna = { Origin: "https://example.org", "Access-Control-Request-Method": "GET" };
  const withPna = { ...withoutPna, "Access-Control-Request-Private-Network": "true" };

  let response = await client.options("/", { headers: withPna });
  assert.is(response.statusCode, 200);
  assert.is(response.text, "OK");
  assert.is(response.headers.get("access-control-allow-private-network"), "true");

  response = await client.options("/", { headers: withoutPna });
  assert.is(response.statusCode, 200);
  assert.is(response.text, "OK");
  assert.not.ok(response.headers.has("access-control-allow-private-network"));

  // Not set on a request that is no preflight.
  response = await client.get("/", { headers: withPna });
  assert.is(response.statusCode, 200);
  assert.is(response.text, "Homepage");
  assert.not.ok(response.headers.has("access-control-allow-private-network"));
  assert.ok(response.headers.has("access-control-allow-origin"));
});

starlette("test_cors_private_network_access_disallowed", async () => {
  const client = new TestClient(corsApp({ allowOrigins: ["*"], allowMethods: ["*"], allowPrivateNetwork: false }, unreachable));
  const withoutPna = { Origin: "https://example.org", "Access-Control-Request-Method": "GET" };

  let response = await client.options("/", { headers: withoutPna });
  assert.is(response.statusCode, 200);
  assert.is(response.text, "OK");
  assert.not.ok(response.headers.has("access-control-allow-private-network"));

  response = await client.options("/", { headers: { ...withoutPna, "Access-Control-Request-Private-Network": "true" } });
  assert.is(response.statusCode, 400);
  assert.is(response.text, "Disallowed CORS private-network");
  assert.not.ok(response.headers.has("access-control-allow-private-network"));
});

starlette("test_cors_null_origin_explicitly_allowed", async () => {
  const client = new TestClient(corsApp({ allowOrigins: ["null", "https://example.org"] }));
  let response = await client.options("/", { headers: { Origin: "null", "Access-Control-Request-Method": "GET" } });
  assert.is(response.statusCode, 200);
  assert.is(response.headers.get("access-control-allow-origin"), "null");
  response = await client.get("/", { headers: { Origin: "null" } });
  assert.is(response.statusCode, 200);
  assert.is(response.headers.get("access-control-allow-origin"), "null");
});

starlette("test_cors_method_case_sensitive", async () => {
  const client = new TestClient(corsApp({ allowOrigins: ["https://example.org"], allowMethods: ["POST"] }, unreachable));
  assert.is((await client.options("/", { headers: { Origin: "https://example.org", "Access-Control-Request-Method": "POST" } })).statusCode, 200);
  const response = await client.options("/", { headers: { Origin: "https://example.org", "Access-Control-Request-Method": "post" } });
  assert.is(response.statusCode, 400);
  assert.ok(response.text.toLowerCase().includes("method"));
});

starlette("test_cors_empty_origins_list", async () => {
  const client = new TestClient(corsApp({ allowOrigins: [] }));
  let response = await client.options("/", { headers: { Origin: "https://example.org", "Access-Control-Request-Method": "GET" } });
  assert.is(response.statusCode, 400);
  assert.not.ok(response.headers.has("access-control-allow-origin"));
  assert.equal(varySet(response.headers.get("vary")), new Set(["Access-Control-Request-Headers", "Access-Control-Request-Private-Network", "Access-Control-Request-Method", "Origin"]));
  response = await client.get("/", { headers: { Origin: "https://example.org" } });
  assert.is(response.statusCode, 200);
  assert.not.ok(response.headers.has("access-control-allow-origin"));
  assert.equal(varySet(response.headers.get("vary")), new Set(["Origin"]));
});

starlette("test_cors_origins_list_and_regex_both_accepted", async () => {
  const client = new TestClient(corsApp({ allowOrigins: ["https://example.org"], allowOriginRegex: String.raw`https://.*\.trusted\.com` }));
  assert.is((await client.get("/", { headers: { Origin: "https://example.org" } })).headers.get("access-control-allow-origin"), "https://example.org");
  assert.is((await client.get("/", { headers: { Origin: "https://api.trusted.com" } })).headers.get("access-control-allow-origin"), "https://api.trusted.com");
  assert.not.ok((await client.get("/", { headers: { Origin: "https://evil.com" } })).headers.has("access-control-allow-origin"));
});

starlette("test_cors_max_age_header", async () => {
  const headers = { Origin: "https://example.org", "Access-Control-Request-Method": "GET" };
  let response = await new TestClient(corsApp({ allowOrigins: ["*"] }, unreachable)).options("/", { headers });
  assert.is(response.statusCode, 200);
  assert.is(response.headers.get("access-control-max-age"), "600");
  response = await new TestClient(corsApp({ allowOrigins: ["*"], maxAge: 7200 }, unreachable)).options("/", { headers });
  assert.is(response.statusCode, 200);
  assert.is(response.headers.get("access-control-max-age"), "7200");
});

starlette("test_cors_header_name_case_insensitive", async () => {
  const client = new TestClient(corsApp({ allowOrigins: ["*"], allowHeaders: ["X-Custom-Header"] }, unreachable));
  const response = await client.options("/", { headers: { Origin: "https://example.org", "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "x-custom-header" } });
  assert.is(response.statusCode, 200);
});

const VARY_ORIGIN: Array<[string[], boolean, string | null, string | null, string[]]> = [
  [["https://example.org"], false, "https://example.org", "https://example.org", ["Accept-Encoding", "Accept-Language"]],
  [["https://example.org"], false, "https://denied.example", null, ["Accept-Encoding", "Accept-Language"]],
  [["https://example.org"], false, null, null, []],
  [["*"], false, "https://example.org", "*", ["*"]],
  [["*"], false, null, null, []],
  [["*"], true, "https://example.org", "https://example.org", []],
  [["*"], true, null, null, []],
];

starlette("test_cors_vary_origin (each parametrized case)", async () => {
  for (const [allowOrigins, allowCredentials, origin, expectedOrigin, varyHeaders] of VARY_ORIGIN) {
    const endpoint = () => {
      const response = new PlainTextResponse("Homepage");
      for (const vary of varyHeaders) response.headers.append("Vary", vary);
      return response;
    };
    const app = new CORSMiddleware(asApp(new App({ routes: [new Route("/", endpoint)] })), { allowOrigins, allowCredentials });
    const response = await new TestClient(app).get("/", { headers: origin !== null ? { Origin: origin } : {} });
    assert.is(response.statusCode, 200);
    assert.is(response.text, "Homepage");
    assert.equal(varySet(response.headers.get("vary")), new Set([...varyHeaders, "Origin"]));
    assert.is(response.headers.get("access-control-allow-origin"), expectedOrigin);
    assert.is(response.headers.get("access-control-allow-credentials"), allowCredentials && origin !== null ? "true" : null);
  }
});

starlette("test_cors_vary_origin_on_options_without_origin", async () => {
  const app = new CORSMiddleware(asApp(new App({ routes: [new Route("/", () => new PlainTextResponse("Application OPTIONS"), { methods: ["OPTIONS"] })] })), {
    allowOrigins: ["https://allowed.example"],
  });
  const response = await new TestClient(app).options("/", { headers: { "Access-Control-Request-Method": "GET" } });
  assert.is(response.statusCode, 200);
  assert.is(response.text, "Application OPTIONS");
  assert.is(response.headers.get("vary"), "Origin");
});

starlette("test_cors_vary_origin_with_gzip (cors outermost, then gzip outermost)", async () => {
  for (const [corsOutermost, vary] of [[true, "Accept-Language, Accept-Encoding, Origin"], [false, "Accept-Language, Origin, Accept-Encoding"]] as const) {
    const inner = asApp(new App({ routes: [new Route("/", () => new PlainTextResponse("Homepage", { headers: { Vary: "Accept-Language" } }))] }));
    const cors = (app: ASGIApp) => asApp(new CORSMiddleware(app, { allowOrigins: ["https://allowed.example"] }));
    const gzip = (app: ASGIApp) => asApp(new GZipMiddleware(app, { minimumSize: 0 }));
    const app = corsOutermost ? cors(gzip(inner)) : gzip(cors(inner));
    const response = await new TestClient(app).get("/", { headers: { Origin: "https://allowed.example", "Accept-Encoding": "gzip" } });
    assert.is(response.statusCode, 200);
    assert.is(gunzipSync(response.content).toString(), "Homepage");
    assert.is(response.headers.get("content-encoding"), "gzip");
    assert.is(response.headers.get("access-control-allow-origin"), "https://allowed.example");
    // The order Starlette 1.7 gives, which the upstream test leaves open.
    assert.is(response.headers.get("vary"), vary);
  }
});

function asApp(app: { call: ASGIApp }): ASGIApp {
  return (scope, receive, send) => app.call(scope, receive, send);
}

starlette.run();

// ---------------------------------------------------------------- options

const options = suite("CORSMiddleware options");
const inner: ASGIApp = async () => undefined;

options("defaults: GET only, no origin, max-age 600, the safelisted headers", () => {
  const cors = new CORSMiddleware(inner);
  assert.equal(cors.allowMethods, ["GET"]);
  assert.equal(cors.allowOrigins, []);
  assert.equal(cors.allowHeaders, ["accept", "accept-language", "content-language", "content-type"]);
  assert.equal(cors.preflightHeaders, {
    Vary: PREFLIGHT_VARY,
    "Access-Control-Allow-Methods": "GET",
    "Access-Control-Max-Age": "600",
    "Access-Control-Allow-Headers": "Accept, Accept-Language, Content-Language, Content-Type",
  });
  assert.equal(cors.simpleHeaders, {});
  assert.is(new CORSMiddleware(inner, { allowMethods: ["*"] }).allowMethods, ALL_METHODS);
});

options("a wrong option is a TypeError naming it, at construction", () => {
  const bad: Array<[unknown, RegExp]> = [
    [{ allowOrigins: "https://example.org" }, /option "allowOrigins" must be an array of strings/],
    [{ allowOrigins: [1] }, /"allowOrigins"/],
    [{ allowMethods: "GET" }, /"allowMethods"/],
    [{ allowHeaders: ["X-A\r\nSet-Cookie: a=b"] }, /"allowHeaders" must be an array of strings \(latin-1, without CR, LF or NUL\)/],
    [{ exposeHeaders: ["X-\u2603"] }, /"exposeHeaders"/],
    [{ allowCredentials: "yes" }, /"allowCredentials" must be true or false/],
    [{ allowPrivateNetwork: 1 }, /"allowPrivateNetwork"/],
    [{ maxAge: 1.5 }, /"maxAge" must be a whole number of seconds/],
    [{ maxAge: "600" }, /"maxAge"/],
    [{ allowOriginRegex: 42 }, /"allowOriginRegex" must be a string \(Python re syntax\), a RegExp or null/],
    [{ allowOriginRegex: "https://(" }, /option "allowOriginRegex" "https:\/\/\(" is not a Python regular expression JavaScript can run: missing \), unterminated subpattern at position 8/],
    [{ allowOriginRegex: "(?i:https)://x" }, /IGNORECASE has no JavaScript equivalent/],
    [{ allow_origins: ["*"] }, /unexpected option "allow_origins"; did you mean "allowOrigins"\?/],
    [{ allowOrigin: ["*"] }, /did you mean "allowOrigins"\?/],
    ["*", /CORSMiddleware options must be an object/],
  ];
  for (const [value, message] of bad) {
    assert.throws(() => new CORSMiddleware(inner, value as CORSOptions), (e: unknown) => e instanceof TypeError && message.test((e as Error).message), String(message));
  }
});

options("allowOriginRegex as a JS RegExp: anchored at both ends, flags kept, g and y dropped", async () => {
  const cors = new CORSMiddleware(inner, { allowOriginRegex: /https:\/\/[a-z]+\.example\.org|http:\/\/localhost:\d+/giy });
  assert.ok(cors.isAllowedOrigin("https://api.example.org"));
  assert.ok(cors.isAllowedOrigin("HTTPS://API.EXAMPLE.ORG"), "the i flag is kept");
  assert.ok(cors.isAllowedOrigin("http://localhost:5173"));
  assert.not.ok(cors.isAllowedOrigin("https://api.example.org.evil.com"));
  assert.not.ok(cors.isAllowedOrigin("evil://http://localhost:1"));
  // Without the g flag, repeated tests cannot carry lastIndex over.
  assert.ok(cors.isAllowedOrigin("https://api.example.org") && cors.isAllowedOrigin("https://api.example.org"));
  assert.is(new CORSMiddleware(inner, { allowOriginRegex: null }).allowOriginRegex, null);
});

options.run();

// ---------------------------------------------------------------- hostile input

const hostile = suite("bad input: never a crash");

hostile("bogus Origin values get no allow-origin, and a preflight gets a 400", async () => {
  const client = new TestClient(corsApp({ allowOrigins: ["https://example.org"], allowOriginRegex: String.raw`https://[a-z]+\.example\.org`, allowCredentials: true }));
  const bogus = ["", " ", "null", "*", "https://example.org ", " https://example.org", "https://example.org, https://evil.com", "https://example.org\t", "HTTPS://EXAMPLE.ORG",
    "https://a.example.org/", "https://a.example.org.", "https://a.example.org:443", "\u00ff\u00fe", "https://exa\u00e4mple.org", "x".repeat(64 * 1024), "https://" + "a".repeat(10000) + ".example.orgx"];
  for (const origin of bogus) {
    const simple = await client.get("/", { headers: [["origin", origin]] });
    assert.is(simple.statusCode, 200, origin.slice(0, 40));
    assert.not.ok(simple.headers.has("access-control-allow-origin"), origin.slice(0, 40));
    assert.is(simple.headers.get("vary"), "Origin");
    const preflight = await client.options("/", { headers: [["origin", origin], ["access-control-request-method", "GET"]] });
    assert.is(preflight.statusCode, 400, origin.slice(0, 40));
    assert.is(preflight.text, "Disallowed CORS origin");
  }
});

hostile("huge and strange header lists", async () => {
  const client = new TestClient(corsApp({ allowOrigins: ["https://example.org"], allowHeaders: ["X-A"] }));
  const many = Array.from({ length: 5000 }, (_, i) => `X-H${i}`).join(", ");
  let response = await client.options("/", { headers: { Origin: "https://example.org", "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": many } });
  assert.is(response.statusCode, 400);
  assert.is(response.text, "Disallowed CORS headers");
  for (const requested of ["", ",", "x-a,", " x-a , content-type ", "X-A,,Accept", "x-a\u0085", "\u00a0x-a"]) {
    response = await client.options("/", { headers: { Origin: "https://example.org", "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": requested } });
    assert.ok(response.statusCode === 200 || response.statusCode === 400, requested);
  }
  // 2000 repeated Origin headers: the first one counts, as in Starlette.
  const headers: Array<[string, string]> = [["origin", "https://example.org"], ...Array.from({ length: 2000 }, (): [string, string] => ["origin", "https://evil.com"])];
  response = await client.get("/", { headers });
  assert.is(response.headers.get("access-control-allow-origin"), "https://example.org");
  // With every header allowed, whatever is asked is echoed back as it came.
  response = await new TestClient(corsApp({ allowOrigins: ["*"], allowHeaders: ["*"] })).options("/", {
    headers: { Origin: "https://x.org", "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": many },
  });
  assert.is(response.headers.get("access-control-allow-headers"), many);
});

hostile("websocket and lifespan scopes pass through untouched", async () => {
  const seen: string[] = [];
  const app: ASGIApp = async (scope) => void seen.push(scope.type);
  const cors = new CORSMiddleware(app, { allowOrigins: ["*"] });
  await cors.call({ type: "websocket", headers: [["origin", "https://x.org"]] }, async () => ({ type: "x" }), async () => undefined);
  await cors.call({ type: "lifespan" }, async () => ({ type: "x" }), async () => undefined);
  assert.equal(seen, ["websocket", "lifespan"]);
});

hostile("a scope without headers is a request without an Origin", async () => {
  const sent: Array<Record<string, unknown>> = [];
  const app: ASGIApp = (scope, receive, send) => new PlainTextResponse("x").call(scope, receive, send);
  await new CORSMiddleware(app, { allowOrigins: ["*"] }).call({ type: "http", method: "GET" }, async () => ({ type: "http.request" }), async (m) => void sent.push(m));
  assert.equal(sent[0].headers, [["content-length", "1"], ["content-type", "text/plain; charset=utf-8"], ["vary", "Origin"]]);
  // And a start message without headers gets a list of its own.
  const bare: ASGIApp = async (_scope, _receive, send) => send({ type: "http.response.start", status: 204 });
  const out: Array<Record<string, unknown>> = [];
  await new CORSMiddleware(bare, { allowOrigins: ["*"] }).call({ type: "http", method: "GET", headers: [["origin", "https://x.org"]] }, async () => ({ type: "http.request" }), async (m) => void out.push(m));
  assert.equal(out[0].headers, [["access-control-allow-origin", "*"], ["vary", "Origin"]]);
});

hostile.run();

// ---------------------------------------------------------------- against Starlette

const differential = suite("CORSMiddleware against Starlette 1.7's, in-process");
const python = requirePython("starlette");

/**
 * Every combination of the options that decide a header (origins, regex, headers,
 * methods, credentials), with exposeHeaders, maxAge and allowPrivateNetwork taking
 * each of their values across them; each config meets preflights and simple requests
 * from allowed, regex-matched, refused and malformed origins.
 */
function corsCases(): Case[] {
  const cases: Case[] = [];
  const app = [start(200, h(["content-type", "text/plain; charset=utf-8"], ["vary", "Accept-Encoding"])), body("Homepage")];
  const odd = [start(200, h(["vary", "A"], ["vary", "B"], ["access-control-allow-origin", "x"], ["access-control-allow-credentials", "false"])), body("x")];
  let k = 0;
  for (const allowOrigins of [undefined, ["https://a.example"], ["*"], ["https://a.example", "null"]]) {
    for (const allowOriginRegex of [undefined, String.raw`https://.*\.example\.org`, String.raw`(?i)HTTPS://B\.EXAMPLE`]) {
      for (const allowHeaders of [undefined, ["X-Example", "Content-Type"], ["*"], ["accept", "X-Up"]]) {
        for (const allowMethods of [undefined, ["GET", "PUT"], ["*"], ["get"]]) {
          for (const allowCredentials of [false, true]) {
            k++;
            const options: Record<string, unknown> = { allowCredentials, allowOrigins, allowOriginRegex, allowHeaders, allowMethods };
            if (k & 1) options.exposeHeaders = ["X-Status", "X-Other"];
            if (k & 2) options.maxAge = 31;
            if (k & 4) options.allowPrivateNetwork = true;
            for (const key of Object.keys(options)) if (options[key] === undefined) delete options[key];
            const add = (name: string, method: string, headers: Array<[string, string]>, messages = app) =>
              cases.push({ name: `config ${k} ${JSON.stringify(options)}: ${name}`, middleware: "cors", options, scope: { method, headers }, messages });
            for (const origin of ["https://a.example", "https://b.example.org", "https://evil.com", "null", "HTTPS://B.EXAMPLE", ""]) {
              add(`preflight from ${origin}`, "OPTIONS", [["origin", origin], ["access-control-request-method", "GET"]]);
              add(`preflight PUT with headers from ${origin}`, "OPTIONS", [["origin", origin], ["access-control-request-method", "PUT"], ["access-control-request-headers", "X-Example, content-type"]]);
              add(`preflight QUERY, private network, from ${origin}`, "OPTIONS", [["origin", origin], ["access-control-request-method", "QUERY"], ["access-control-request-headers", "x-nope,"], ["access-control-request-private-network", "true"]]);
              add(`simple from ${origin}`, "GET", [["origin", origin]]);
              add(`simple with credentials from ${origin}`, "POST", [["origin", origin], ["cookie", "a=b"]], odd);
            }
            add("no origin", "GET", []);
            add("OPTIONS without a request method", "OPTIONS", [["origin", "https://a.example"]]);
            add("OPTIONS without an origin", "OPTIONS", [["access-control-request-method", "GET"]]);
          }
        }
      }
    }
  }
  return cases;
}

differential("every option combination that changes a header: the same messages, byte for byte", async () => {
  if (!python) return;
  const cases = corsCases();
  const { blocks } = await differ(cases);
  console.log(`  (CORSMiddleware: ${cases.length} cases against Starlette's, ${cases.length - blocks.length} alike)`);
  assert.is(blocks.length, 0, `${blocks.length} of ${cases.length} cases differ:\n${blocks.slice(0, 20).join("\n")}`);
});

differential("the comparison can fail: a changed header is seen", async () => {
  if (!python) return;
  const [c] = corsCases();
  const ours = await runTs(c);
  const theirs = await runTs({ ...c, options: { ...c.options, maxAge: 1 } });
  const { compareOutcomes } = await import("./_inprocess.js");
  assert.ok(compareOutcomes(ours, theirs).diffs.some((d) => d.includes("access-control-max-age")));
});

differential.run();
