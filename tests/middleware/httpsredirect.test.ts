// Port of tests/middleware/test_https_redirect.py (Starlette 1.x), then
// websockets, a request with no host at all, options, and Starlette 1.7's own
// HTTPSRedirectMiddleware against ours (tests/python/starlette_middleware.py).
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { App } from "../../src/applications.js";
import { Middleware } from "../../src/middleware/index.js";
import { HTTPSRedirectMiddleware } from "../../src/middleware/httpsredirect.js";
import { PlainTextResponse } from "../../src/responses.js";
import { Route } from "../../src/routing.js";
import { TestClient } from "../../src/testclient.js";
import type { ASGIApp, Message, Scope } from "../../src/types.js";
import { requirePython } from "../python.js";
import { body, differ, h, start, type Case } from "./_inprocess.js";

const starlette = suite("test_https_redirect.py");

starlette("test_https_redirect_middleware", async () => {
  const app = new App({ routes: [new Route("/", () => new PlainTextResponse("OK", { statusCode: 200 }))], middleware: [new Middleware(HTTPSRedirectMiddleware)] });

  assert.is((await new TestClient(app, { baseUrl: "https://testserver" }).get("/")).statusCode, 200);

  for (const [baseUrl, location] of [
    ["http://testserver", "https://testserver/"],
    ["http://testserver:80", "https://testserver/"],
    ["http://testserver:443", "https://testserver/"],
    ["http://testserver:123", "https://testserver:123/"],
  ]) {
    const response = await new TestClient(app, { baseUrl }).get("/", { followRedirects: false });
    assert.is(response.statusCode, 307);
    assert.is(response.headers.get("location"), location);
  }
});

starlette.run();

const more = suite("HTTPSRedirectMiddleware beyond the ported test");
const inner: ASGIApp = async () => undefined;

async function messagesFor(scope: Scope): Promise<Message[]> {
  const sent: Message[] = [];
  await new HTTPSRedirectMiddleware(inner).call(scope, async () => ({ type: "http.request" }), async (m) => void sent.push(m));
  return sent;
}

more("a ws request is denied with a 307 to wss (the websocket.http.response extension)", async () => {
  const sent = await messagesFor({ type: "websocket", scheme: "ws", path: "/chat", query_string: "room=1", headers: [["host", "example.com:80"]] });
  assert.equal(sent.map((m) => m.type), ["websocket.http.response.start", "websocket.http.response.body"]);
  assert.is(sent[0].status, 307);
  assert.equal(sent[0].headers, [["content-length", "0"], ["location", "wss://example.com/chat?room=1"]]);
});

more("no Host header and no server: 400 Invalid host header", async () => {
  const sent = await messagesFor({ type: "http", scheme: "http", path: "/", headers: [] });
  assert.is(sent[0].status, 400);
  assert.is(Buffer.from(sent[1].body as Uint8Array).toString(), "Invalid host header");
});

more("https, wss and lifespan scopes pass through; options are refused", async () => {
  const seen: string[] = [];
  const app = new HTTPSRedirectMiddleware(async (scope) => void seen.push(`${scope.type}/${scope.scheme}`));
  for (const scope of [{ type: "http", scheme: "https" }, { type: "websocket", scheme: "wss" }, { type: "lifespan" }]) await app.call(scope, async () => ({ type: "x" }), async () => undefined);
  assert.equal(seen, ["http/https", "websocket/wss", "lifespan/undefined"]);
  assert.throws(() => new HTTPSRedirectMiddleware(inner, { port: 443 } as never), /HTTPSRedirectMiddleware got an unexpected option "port"/);
});

more.run();

const differential = suite("HTTPSRedirectMiddleware against Starlette 1.7's, in-process");
const python = requirePython("starlette");

function redirectCases(): Case[] {
  const app = [start(200, h(["content-type", "text/plain"])), body("OK")];
  const hosts = [undefined, "example.com", "EXAMPLE.com:80", "EXAMPLE.com", "example.com:443", "example.com:8443", "example.com:0080", "[::1]:80", "[::1]:8000", "[::1]", "127.0.0.1:80",
    "", "bad host", "a/b", "exa_mple.com", "evil.com#@example.com", "example.com:99999", "example.com:", "a~b.example:8080", "[v1.x]", "[::g]"];
  const servers: Array<[string, number] | null> = [["10.0.0.1", 8000], ["10.0.0.1", 80], ["::1", 443], null];
  const cases: Case[] = [];
  for (const hostValue of hosts) {
    for (const [type, scheme] of [["http", "http"], ["http", "https"], ["websocket", "ws"], ["websocket", "wss"]]) {
      for (const server of servers) {
        for (const path of ["/", "/a b/ä", "/p%3Fq"]) {
          cases.push({
            name: `${type} ${scheme} host ${JSON.stringify(hostValue)} server ${JSON.stringify(server)} path ${path}`,
            middleware: "httpsredirect",
            scope: { type, scheme, path, raw_path: path, query_string: path === "/" ? "" : "q=1&r=%C3%A4", headers: hostValue === undefined ? [] : [["host", hostValue]], server },
            messages: app,
          });
        }
      }
    }
  }
  return cases;
}

differential("every scheme, Host, server and path: the same answer, or a Location only URL.fromScope makes differently", async () => {
  if (!python) return;
  const cases = redirectCases();
  const { blocks } = await differ(cases);
  console.log(`  (HTTPSRedirectMiddleware: ${cases.length} cases against Starlette's, ${cases.length - blocks.length} alike)`);
  assert.is(blocks.length, 0, blocks.slice(0, 20).join("\n"));
});

differential.run();
