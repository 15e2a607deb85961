// Port of tests/test_requests.py (Starlette 1.x). Not ported: send_push_promise
// over a real server (no HTTP/2 push here) and url_for outside an app.
import { AssertionError } from "node:assert";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { App } from "../src/applications.js";
import { UploadFile } from "../src/datastructures.js";
import { ClientDisconnect, cookieParser, cookieValue, HTTPConnection, Request } from "../src/requests.js";
import { JSONResponse, PlainTextResponse, Response } from "../src/responses.js";
import { Route } from "../src/routing.js";
import { TestClient } from "../src/testclient.js";
import type { ASGIApp, Message, Scope } from "../src/types.js";
import { rejects } from "./helpers.js";

const decode = (b: Uint8Array) => new TextDecoder().decode(b);
const encode = (s: string) => new TextEncoder().encode(s);

/** An ASGI app that answers with JSON computed from the request. */
function jsonApp(fn: (request: Request) => Promise<unknown> | unknown): ASGIApp {
  return async (scope, receive, send) => {
    const request = new Request(scope, receive);
    await new JSONResponse(await fn(request)).call(scope, receive, send);
  };
}

test("test_request_url", async () => {
  const client = new TestClient(jsonApp((r) => ({ method: r.method, url: String(r.url) })));
  assert.equal((await client.get("/123?a=abc")).json(), { method: "GET", url: "http://testserver/123?a=abc" });
  assert.equal((await client.get("https://example.org:123/")).json(), { method: "GET", url: "https://example.org:123/" });
});

test("test_request_query_params", async () => {
  const client = new TestClient(jsonApp((r) => ({ params: r.queryParams.toJSON(), all: r.queryParams.getlist("a") })));
  assert.equal((await client.get("/?a=123&b=456&a=x%20y+z")).json(), { params: { a: "x y z", b: "456" }, all: ["123", "x y z"] });
});

test("test_request_headers", async () => {
  const client = new TestClient(jsonApp((r) => ({ headers: Object.fromEntries(r.headers.items()), list: r.headers.getlist("x-multi") })));
  const response = await client.get("/", { headers: [["host", "example.org"], ["X-Multi", "1"], ["x-multi", "2"]] });
  const body = response.json() as { headers: Record<string, string>; list: string[] };
  assert.is(body.headers.host, "example.org");
  assert.is(body.headers["user-agent"], "testclient");
  assert.equal(body.list, ["1", "2"]);
});

test("test_request_client", () => {
  for (const [client, expected] of [[["client", 42], { host: "client", port: 42 }], [null, null], [undefined, null]] as const) {
    const scope: Scope = { type: "http", ...(client !== undefined ? { client: client as [string, number] | null } : {}) };
    const address = new Request(scope).client;
    assert.equal(address ? { host: address.host, port: address.port } : null, expected);
  }
});

test("test_request_body", async () => {
  const client = new TestClient(jsonApp(async (r) => ({ body: decode(await r.body()) })));
  assert.equal((await client.get("/")).json(), { body: "" });
  assert.equal((await client.post("/", { json: { a: "123" } })).json(), { body: '{"a":"123"}' });
  assert.equal((await client.post("/", { content: "abc" })).json(), { body: "abc" });
});

test("test_request_stream", async () => {
  const client = new TestClient(
    jsonApp(async (r) => {
      let body = "";
      for await (const chunk of r.stream()) body += decode(chunk);
      return { body };
    }),
  );
  assert.equal((await client.post("/", { content: "abc" })).json(), { body: "abc" });
});

test("test_request_form_urlencoded", async () => {
  const client = new TestClient(jsonApp(async (r) => ({ form: (await r.form()).toJSON() })));
  assert.equal((await client.post("/", { data: { abc: "123 @", multi: ["1", "2"] } })).json(), { form: { abc: "123 @", multi: "2" } });
  assert.equal((await client.post("/", { content: "x=1" })).json(), { form: {} }, "no form content type: empty form");
});

test("multipart form: fields and files, without a dependency", async () => {
  const boundary = "XyZ";
  const body =
    `--${boundary}\r\nContent-Disposition: form-data; name="field"\r\n\r\nvalüe\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nfile body\r\n` +
    `--${boundary}--\r\n`;
  let file: UploadFile | undefined;
  const client = new TestClient(
    jsonApp(async (r) => {
      const form = await r.form();
      file = form.get("file") as UploadFile;
      return { field: form.get("field"), filename: file.filename, type: file.contentType, size: file.size, text: await file.text() };
    }),
  );
  const response = await client.post("/", { content: body, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } });
  assert.equal(response.json(), { field: "valüe", filename: "a.txt", type: "text/plain", size: 9, text: "file body" });
  assert.is(decode(await (file as UploadFile).read()), "file body");
});

test("form limits: files, part size, urlencoded fields; parts without a name; raw UTF-8 in urlencoded bodies", async () => {
  const app = new App();
  app.post("/", async (r: Request) => {
    const form = await r.form({ maxFiles: 1, maxFields: 2, maxPartSize: 1024 });
    return [...form.multiItems()].map(([k, v]) => [k, typeof v === "string" ? v : `file ${v.filename}`]);
  });
  const client = new TestClient(app);
  const multipart = (parts: string[]) => ({
    content: parts.map((p) => `--b\r\n${p}\r\n`).join("") + "--b--\r\n",
    headers: { "content-type": "multipart/form-data; boundary=b" },
  });
  const file = (name: string) => `Content-Disposition: form-data; name="${name}"; filename="${name}.txt"\r\n\r\ndata`;
  let response = await client.post("/", multipart([file("a"), file("b")]));
  assert.is(response.statusCode, 400);
  assert.is(response.text, "Too many files. Maximum number of files is 1.");
  response = await client.post("/", multipart([`Content-Disposition: form-data; name="big"\r\n\r\n${"x".repeat(1025)}`]));
  assert.is(response.statusCode, 400);
  assert.is(response.text, "Part exceeded maximum size of 1KB.");
  // A part with no Content-Disposition, or one without a name, is refused (as Starlette does).
  response = await client.post("/", multipart(["Content-Type: text/plain\r\n\r\nno header", 'Content-Disposition: form-data\r\n\r\nno name']));
  assert.is(response.statusCode, 400);
  assert.is(response.text, 'The Content-Disposition header field "name" must be provided.');
  // The delimiter the header names never appears in the body.
  response = await client.post("/", { content: "no delimiter here", headers: { "content-type": "multipart/form-data; boundary=b" } });
  assert.is(response.text, "Invalid multipart data.");
  response = await client.post("/", { content: "a=1&b=2&c=3", headers: { "content-type": "application/x-www-form-urlencoded" } });
  assert.is(response.statusCode, 400);
  assert.is(response.text, "Too many fields. Maximum number of fields is 2.");
  // Raw (unescaped) UTF-8 bytes: Starlette's unquote_plus(bytes.decode("latin-1")) leaves them latin-1 characters.
  response = await client.post("/", { content: Buffer.from("café=crème", "utf8"), headers: { "content-type": "application/x-www-form-urlencoded" } });
  assert.equal(response.json(), [["cafÃ©", "crÃ¨me"]]);
});

test("a scope with only type, method and path reads as empty where Starlette would read a missing key", async () => {
  // A receive whose message has no body: an empty one.
  const receive = async (): Promise<Message> => ({ type: "http.request", more_body: false });
  const request = new Request({ type: "http", method: "GET", path: "/x", root_path: "/sub/" }, receive);
  assert.is(request.receive, receive);
  assert.is(String(request.baseUrl), "/sub/");
  assert.is(request.queryParams.get("a"), null);
  assert.is(cookieValue(request.scope, "a"), undefined);
  assert.is((await request.body()).byteLength, 0);
  assert.is(String(new Request({ type: "http", method: "GET", path: "/x" }).baseUrl), "/");
  // app_root_path (set by a Mount) wins over root_path, and gains its slash.
  assert.is(String(new Request({ type: "http", method: "GET", path: "/x", root_path: "/a/b", app_root_path: "/a" }).baseUrl), "/a/");
});

test("multipart limits and malformed bodies give a 400 inside an app", async () => {
  const app = new App();
  app.post("/", async (r: Request) => (await r.form({ maxFields: 1 })).toJSON());
  const client = new TestClient(app);
  const two = "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--b\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\n2\r\n--b--\r\n";
  let response = await client.post("/", { content: two, headers: { "content-type": "multipart/form-data; boundary=b" } });
  assert.is(response.statusCode, 400);
  assert.is(response.text, "Too many fields. Maximum number of fields is 1.");
  response = await client.post("/", { content: "garbage", headers: { "content-type": "multipart/form-data" } });
  assert.is(response.text, "Missing boundary in multipart.");
  response = await client.post("/", { content: "--b\r\nno end", headers: { "content-type": "multipart/form-data; boundary=b" } });
  assert.is(response.text, "Invalid multipart data.");
});

test("test_request_body_then_stream", async () => {
  const client = new TestClient(
    jsonApp(async (r) => {
      const body = decode(await r.body());
      let chunks = "";
      for await (const chunk of r.stream()) chunks += decode(chunk);
      return { body, stream: chunks };
    }),
  );
  assert.equal((await client.post("/", { content: "abc" })).json(), { body: "abc", stream: "abc" });
});

test("test_request_stream_then_body", async () => {
  const client = new TestClient(
    jsonApp(async (r) => {
      for await (const _ of r.stream()) void _;
      try {
        await r.body();
      } catch (e) {
        return { body: `<${(e as Error).message}>` };
      }
      return { body: "no error" };
    }),
  );
  assert.equal((await client.post("/", { content: "abc" })).json(), { body: "<Stream consumed>" });
});

test("test_request_json", async () => {
  const client = new TestClient(jsonApp(async (r) => ({ json: await r.json() })));
  assert.equal((await client.post("/", { json: { a: "123" } })).json(), { json: { a: "123" } });
});

test("test_request_scope_interface", () => {
  const request = new Request({ type: "http", method: "GET", path: "/abc/" });
  assert.is(request.scope.method, "GET");
  assert.is(request.scope.path, "/abc/");
});

test("test_request_raw_path", async () => {
  const client = new TestClient(jsonApp((r) => ({ path: r.scope.path, raw: r.scope.raw_path })));
  assert.equal((await client.get("/he%2Fllo")).json(), { path: "/he/llo", raw: "/he%2Fllo" });
});

test("test_request_without_setting_receive", async () => {
  const request = new Request({ type: "http" });
  assert.is((await rejects(request.json())).message, "Receive channel has not been made available");
});

test("test_request_disconnect", async () => {
  const request = new Request({ type: "http" }, async () => ({ type: "http.disconnect" }));
  assert.instance(await rejects(request.body()), ClientDisconnect);
  // The same through stream(), which body() does not use.
  const streamed = new Request({ type: "http" }, async () => ({ type: "http.disconnect" }));
  assert.instance(await rejects(streamed.stream().next()), ClientDisconnect);
  assert.ok(await streamed.isDisconnected());
});

test("test_request_is_disconnected", async () => {
  const pending = new Request({ type: "http" }, () => new Promise<Message>(() => undefined));
  assert.not.ok(await pending.isDisconnected());
  const gone = new Request({ type: "http" }, async () => ({ type: "http.disconnect" }));
  assert.ok(await gone.isDisconnected());
  assert.ok(await gone.isDisconnected());
});

test("isDisconnected() does not lose a body message that was ready", async () => {
  const messages: Message[] = [{ type: "http.request", body: encode("kept"), more_body: false }];
  let resolveLater: (m: Message) => void = () => undefined;
  let calls = 0;
  const request = new Request({ type: "http" }, () => {
    calls++;
    if (calls === 1) return new Promise<Message>((resolve) => (resolveLater = resolve));
    return Promise.resolve(messages.shift() as Message);
  });
  assert.not.ok(await request.isDisconnected());
  resolveLater({ type: "http.request", body: encode("late"), more_body: false });
  assert.is(decode(await request.body()), "late");
  assert.is(calls, 1);
});

test("test_request_state_object and test_request_state: shared through the scope", async () => {
  const scope: Scope = { type: "http", state: { old: "foo" } };
  const a = new Request(scope);
  a.state.new = "value";
  assert.is(new Request(scope).state.new, "value");
  assert.is(new Request(scope).state.old, "foo");
  delete a.state.new;
  assert.is(new HTTPConnection(scope).state.new, undefined);
});

test("test_request_cookies: a cookie set by a response comes back", async () => {
  const app: ASGIApp = async (scope, receive, send) => {
    const request = new Request(scope, receive);
    const mycookie = request.cookies.mycookie;
    const response = mycookie ? new Response(mycookie, { mediaType: "text/plain" }) : new Response("Hello, world!", { mediaType: "text/plain" });
    if (!mycookie) response.setCookie("mycookie", "Hello, cookies!");
    await response.call(scope, receive, send);
  };
  const client = new TestClient(app);
  assert.is((await client.get("/")).text, "Hello, world!");
  assert.is((await client.get("/")).text, "Hello, cookies!");
});

test("test_cookie_lenient_parsing", () => {
  const cookies = cookieParser(
    'okta-oauth-redirect-params={"responseType":"code","state":"somestate",' +
      '"nonce":"somenonce","scopes":["openid","profile","email","phone"],' +
      '"urls":{"issuer":"https://subdomain.okta.com/oauth2/authServer",' +
      '"authorizeUrl":"https://subdomain.okta.com/oauth2/authServer/v1/authorize",' +
      '"userinfoUrl":"https://subdomain.okta.com/oauth2/authServer/v1/userinfo"}}; ' +
      "importantCookie=importantValue; okta-oauth-nonce=validNonce; okta-oauth-state=validState",
  );
  assert.equal(Object.keys(cookies).sort(), ["importantCookie", "okta-oauth-nonce", "okta-oauth-redirect-params", "okta-oauth-state"]);
  assert.is(cookies.importantCookie, "importantValue");
});

test("test_cookies_edge_cases and test_cookies_invalid (spec 4.3)", () => {
  const cases: Array<[string, Record<string, string>]> = [
    ["a=1; a=2", { a: "2" }],
    ["keebler=E=mc2", { keebler: "E=mc2" }],
    ["abc=def; unnamed", { "": "unnamed", abc: "def" }],
    ["  =  b  ;  ;  =  ;   c  =  ;  ", { "": "b", c: "" }],
    ['a="x\\"y"', { a: 'x"y' }],
    ['a="\\101\\102"', { a: "AB" }],
    ['a="\\400"', { a: "400" }],
    ['a="', { a: '"' }],
    ['keebler="E=mc2; L=\\"Loves\\"; fudge=\\012;"', { keebler: '"E=mc2', L: '\\"Loves\\"', fudge: "\\012", "": '"' }],
    ["\x1c a=1 \x85", { a: "1" }],
    ["key:term=value:term", { "key:term": "value:term" }],
    ["a=b; c=[; d=r; f=h", { a: "b", c: "[", d: "r", f: "h" }],
  ];
  for (const [header, expected] of cases) assert.equal({ ...cookieParser(header) }, expected, header);
  assert.is(Object.getPrototypeOf(cookieParser("__proto__=x")), null);
  assert.is(cookieParser("__proto__=x")["__proto__"], "x");
});

test("test_multiple_cookie_headers: every Cookie line is merged, later wins", async () => {
  const client = new TestClient(jsonApp((r) => ({ cookies: { ...r.cookies } })));
  const headers: Array<[string, string]> = [["cookie", "a=1; b=2"], ["cookie", "b=3"], ["cookie", "c=4"]];
  assert.equal((await client.get("/", { headers })).json(), { cookies: { a: "1", b: "3", c: "4" } });
});

test("test_chunked_encoding and test_request_rcv: any chunking gives the same body", async () => {
  for (const chunks of [["123"], ["1", "2", "3"], ["", "12", "", "3", ""]]) {
    const messages: Message[] = chunks.map((c, i) => ({ type: "http.request", body: encode(c), more_body: i < chunks.length - 1 }));
    const request = new Request({ type: "http" }, async () => messages.shift() as Message);
    assert.is(decode(await request.body()), "123");
  }
});

test("test_request_stream_called_twice: two generators share one receive", async () => {
  const messages: Message[] = [
    { type: "http.request", body: encode("1"), more_body: true },
    { type: "http.request", body: encode("2"), more_body: true },
    { type: "http.request", body: encode("3"), more_body: false },
  ];
  const request = new Request({ type: "http" }, async () => messages.shift() as Message);
  const s1 = request.stream();
  const s2 = request.stream();
  assert.is(decode((await s1.next()).value as Uint8Array), "1");
  assert.is(decode((await s2.next()).value as Uint8Array), "2");
  assert.is(decode((await s1.next()).value as Uint8Array), "3");
  assert.is(decode((await s1.next()).value as Uint8Array), "");
  assert.ok((await s1.next()).done);
});

test("body() reads through a subclass's own stream(), and reads the messages itself otherwise", async () => {
  const messages = (): Message[] => [
    { type: "http.request", body: encode("ab"), more_body: true },
    { type: "http.request", body: encode("c"), more_body: false },
  ];
  class Upper extends Request {
    override async *stream(): AsyncGenerator<Uint8Array, void, undefined> {
      for await (const chunk of super.stream()) yield encode(decode(chunk).toUpperCase());
      yield new Uint8Array(0);
    }
  }
  const queue = messages();
  assert.is(decode(await new Upper({ type: "http" }, async () => queue.shift() as Message).body()), "ABC");
  const plain = messages();
  const request = new Request({ type: "http" }, async () => plain.shift() as Message);
  assert.is(decode(await request.body()), "abc");
  assert.is(decode(await request.body()), "abc", "cached");
  const consumed = new Request({ type: "http" }, async () => ({ type: "http.request", body: encode("x"), more_body: false }));
  for await (const _ of consumed.stream()) void _;
  assert.is((await rejects(consumed.body())).message, "Stream consumed");
});

test("session, auth and user without their middleware: Node's AssertionError, Starlette's messages", () => {
  const request = new Request({ type: "http" });
  const cases: Array<[() => unknown, string]> = [
    [() => request.session, "SessionMiddleware must be installed to access request.session"],
    [() => request.auth, "AuthenticationMiddleware must be installed to access request.auth"],
    [() => request.user, "AuthenticationMiddleware must be installed to access request.user"],
  ];
  for (const [read, message] of cases) {
    assert.throws(read, (e: unknown) => e instanceof AssertionError && (e as Error).message === message, message);
  }
  assert.equal(new Request({ type: "http", auth: "a", user: "u" }).auth, "a");
  assert.equal(new Request({ type: "http", auth: "a", user: "u" }).user, "u");
});

test("a Request is only for http scopes; HTTPConnection takes websockets too", () => {
  assert.throws(() => new Request({ type: "websocket" }), (e: unknown) => e instanceof AssertionError);
  assert.throws(() => new HTTPConnection({ type: "lifespan" }), (e: unknown) => e instanceof AssertionError);
  assert.is(new HTTPConnection({ type: "websocket", path: "/ws", headers: [] }).url.path, "/ws");
});

test("baseUrl and url with root_path, Host validation and server fallback", () => {
  const scope: Scope = { type: "http", scheme: "https", server: ["example.org", 443], path: "/app/x", root_path: "/app", query_string: "q=1", headers: [] };
  const request = new Request(scope);
  assert.is(String(request.url), "https://example.org/app/x?q=1");
  assert.is(String(request.baseUrl), "https://example.org/app/");
  const evil = new Request({ ...scope, headers: [["host", "evil.com/path?"]] });
  assert.is(String(evil.url), "https://example.org/app/x?q=1");
  const noServer = new Request({ type: "http", path: "/p", query_string: "a=1", headers: [] });
  assert.is(String(noServer.url), "/p?a=1");
  const port = new Request({ type: "http", scheme: "http", server: ["h", 8000], path: "/", headers: [] });
  assert.is(String(port.url), "http://h:8000/");
});

test("pathParams, app and the push promise extension", async () => {
  const sent: Message[] = [];
  const scope: Scope = { type: "http", path_params: { id: 1 }, app: { state: {} }, extensions: { "http.response.push": {} }, headers: [["accept", "text/html"]] };
  const request = new Request(scope, async () => ({ type: "http.disconnect" }), async (m) => void sent.push(m));
  assert.equal(request.pathParams, { id: 1 });
  assert.ok(request.app);
  await request.sendPushPromise("/style.css");
  assert.equal(sent, [{ type: "http.response.push", path: "/style.css", headers: [["accept", "text/html"]] }]);
  await new Request({ type: "http" }, undefined, async (m) => void sent.push(m)).sendPushPromise("/x");
  assert.is(sent.length, 1);
  assert.equal(new Request({ type: "http" }).pathParams, {});
  assert.is(await rejects(new Request({ type: "http", extensions: { "http.response.push": {} } }).sendPushPromise("/")).then((e) => e.message), "Send channel has not been made available");
});

test("form(): the media type read as python-multipart reads it, case kept when parameters follow", async () => {
  const echo = new App({ routes: [new Route("/", async (r: Request) => new JSONResponse((await r.form()).toJSON()), { methods: ["POST"] })] });
  const client = new TestClient(echo);
  const body = "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x--\r\n";
  // Starlette compares the raw media type with b"multipart/form-data": with parameters it is not lower-cased.
  const mixed = await client.post("/", { content: body, headers: { "content-type": "Multipart/Form-Data; boundary=x" } });
  assert.equal(mixed.json(), {});
  const lower = await client.post("/", { content: body, headers: { "content-type": "multipart/form-data; boundary=x" } });
  assert.equal(lower.json(), { a: "1" });
  // Without parameters the whole value is lower-cased.
  const encoded = await client.post("/", { content: "a=1", headers: { "content-type": "Application/X-WWW-Form-Urlencoded" } });
  assert.equal(encoded.json(), { a: "1" });
});

test("a route's JSON body via app, for the handler's text()", async () => {
  const app = new App({ routes: [new Route("/", async (r: Request) => new PlainTextResponse(await r.text()), { methods: ["POST"] })] });
  assert.is((await new TestClient(app).post("/", { content: "héllo" })).text, "héllo");
});

test.run();
