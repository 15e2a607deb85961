// Port of tests/test_testclient.py (the parts that apply), and the cookie jar
// behaviour httpx gives Starlette's TestClient.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { App } from "../src/applications.js";
import { Request } from "../src/requests.js";
import { JSONResponse, PlainTextResponse, Response } from "../src/responses.js";
import { CookieJar, TestClient, WebSocketDenialResponse, type TestClientOptions, type WebSocketConnectOptions } from "../src/testclient.js";
import { URL } from "../src/datastructures.js";
import type { ASGIApp, Scope } from "../src/types.js";
import { WebSocket, WebSocketDisconnect } from "../src/websockets.js";
import { HTTPEndpoint, WebSocketEndpoint } from "../src/endpoints.js";
import { rejects, thrown } from "./helpers.js";
import { requirePython, runPython } from "./python.js";
import { UploadFile } from "../src/datastructures.js";
import type { FileSpec, RequestOptions } from "../src/testclient.js";

const echo: ASGIApp = async (scope, receive, send) => {
  const request = new Request(scope, receive);
  const body = new TextDecoder().decode(await request.body());
  await new JSONResponse({
    method: request.method,
    url: String(request.url),
    headers: request.headers.items(),
    cookies: { ...request.cookies },
    body,
    client: scope.client,
  }).call(scope, receive, send);
};

test("test_use_testclient_as_contextmanager: enter() and exit() run the lifespan once", async () => {
  const events: string[] = [];
  const app = new App({
    lifespan: async function* () {
      events.push("startup");
      yield;
      events.push("shutdown");
    },
  });
  const client = new TestClient(app);
  assert.is(await client.enter(), client);
  assert.equal(events, ["startup"]);
  await client.exit();
  await client.exit();
  assert.equal(events, ["startup", "shutdown"]);
});

test("run() exits even when the body throws", async () => {
  const events: string[] = [];
  const app = new App({
    lifespan: async function* () {
      yield;
      events.push("shutdown");
    },
  });
  const error = await rejects(new TestClient(app).run(async () => {
    throw new Error("in body");
  }));
  assert.is(error.message, "in body");
  assert.equal(events, ["shutdown"]);
});

test("an app that ignores lifespan is fine; one that fails it raises", async () => {
  await new TestClient(async () => undefined).run(async () => undefined);
  const failing: ASGIApp = async (scope, receive, send) => {
    await receive();
    await send({ type: "lifespan.startup.failed", message: "nope" });
  };
  assert.is((await rejects(new TestClient(failing).enter())).message, "nope");
  const failsShutdown: ASGIApp = async (scope, receive, send) => {
    await receive();
    await send({ type: "lifespan.startup.complete" });
    await receive();
    await send({ type: "lifespan.shutdown.failed", message: "late" });
  };
  const client = await new TestClient(failsShutdown).enter();
  assert.is((await rejects(client.exit())).message, "late");
  const throws: ASGIApp = async () => {
    throw new Error("raw");
  };
  assert.is((await rejects(new TestClient(throws).enter())).message, "raw");
  // A message that answers no step in progress (here a second startup.complete) is passed over.
  const repeats: ASGIApp = async (scope, receive, send) => {
    await receive();
    await send({ type: "lifespan.startup.complete" });
    await send({ type: "lifespan.startup.complete" });
    await receive();
    await send({ type: "lifespan.shutdown.complete" });
  };
  await (await new TestClient(repeats).enter()).exit();
});

test("the scope a request gets: host, client, headers, query, http version", async () => {
  const client = new TestClient(echo, { headers: { "x-default": "1" } });
  const response = await client.get("/path", { params: { a: [1, 2], b: "x y" } });
  const body = response.json() as { url: string; headers: Array<[string, string]>; client: unknown };
  assert.is(body.url, "http://testserver/path?a=1&a=2&b=x+y");
  assert.equal(body.client, ["testclient", 50000]);
  assert.equal(body.headers.slice(0, 6), [["host", "testserver"], ["accept", "*/*"], ["accept-encoding", "gzip, deflate"], ["connection", "keep-alive"], ["user-agent", "testclient"], ["x-default", "1"]]);
  const port = await new TestClient(echo, { baseUrl: "http://h:8000" }).get("/?q=1", { params: "r=2" });
  // httpx 0.28: params replace the URL's own query.
  assert.equal((port.json() as { url: string }).url, "http://h:8000/?r=2");
});

test("bodies: json, data (form), content; content-length for POST even when empty", async () => {
  const client = new TestClient(echo);
  const json = (await client.post("/", { json: { a: 1 } })).json() as { body: string; headers: Array<[string, string]> };
  assert.is(json.body, '{"a":1}');
  assert.ok(json.headers.some(([k, v]) => k === "content-type" && v === "application/json"));
  const form = (await client.put("/", { data: { a: "1 2", b: ["x", "y"] } })).json() as { body: string };
  assert.is(form.body, "a=1+2&b=x&b=y");
  const raw = (await client.patch("/", { content: new Uint8Array([104, 105]) })).json() as { body: string };
  assert.is(raw.body, "hi");
  const empty = (await client.post("/")).json() as { headers: Array<[string, string]> };
  assert.ok(empty.headers.some(([k, v]) => k === "content-length" && v === "0"));
  const del = (await client.delete("/")).json() as { method: string };
  assert.is(del.method, "DELETE");
  assert.is((await client.options("/")).statusCode, 200);
});

// ---------------------------------------------------------------- files (httpx's multipart encoding)

interface BodyCase {
  data?: RequestOptions["data"];
  files?: RequestOptions["files"];
  headers?: Record<string, string>;
  content?: string;
  json?: unknown;
}
interface Encoded {
  body: Uint8Array;
  headers: Record<string, string>;
}

// Bytes travel to Python as {"base64": ...}; everything else as JSON.
function toWire(value: unknown): unknown {
  if (value instanceof Uint8Array) return { base64: Buffer.from(value).toString("base64") };
  if (Array.isArray(value)) return value.map(toWire);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toWire(v)]));
  return value;
}

function httpxEncode(cases: BodyCase[]): { extensions: string[]; results: Encoded[] } {
  const out = runPython<{ extensions: string[]; results: Array<{ body: string; headers: Record<string, string> }> }>("httpx_multipart", { cases: cases.map(toWire) });
  return { extensions: out.extensions, results: out.results.map((r) => ({ body: Buffer.from(r.body, "base64"), headers: r.headers })) };
}

/** What the app receives for `options`: the raw body, and the content-type and content-length headers. */
async function tsEncode(options: RequestOptions, client = new TestClient(async () => undefined)): Promise<Encoded> {
  let seen: Encoded = { body: new Uint8Array(), headers: {} };
  const app: ASGIApp = async (scope, receive, send) => {
    const request = new Request(scope, receive);
    const headers: Record<string, string> = {};
    for (const name of ["content-type", "content-length"]) if (request.headers.has(name)) headers[name] = request.headers.getlist(name).join(", ");
    seen = { body: await request.body(), headers };
    await new Response(null).call(scope, receive, send);
  };
  await new TestClient(app, { headers: client.headers }).post("/", options);
  return seen;
}

const NAMES = [
  "résumé.pdf", "日本語.txt", 'quote".txt', "back\\slash.png", "ctl\x00\x01\x1b\x1f\x7f.bin", "tab\there\r\n.csv", "dir/a.txt", "C:\\up\\x.png",
  "data:text/html,x", "data:text/html;base64,x", "data:text/html;a;b,x", "data:text/x;charset=a;base64,x", "data:;base64,x", "data:a=b,x", "data:a/b=c,x", "data:nocomma", "DATA:image/png,x", "http://h/x.json",
  ".hidden", "..txt", "a.", "a/.b", "x/.txt", "x.y/..png", "a.b/c", "no_ext", "archive.tar.gz", "x.tgz", "X.TGZ", "a.GZ", "a.gz", "a.txt.Z", "a.svgz", "a.tar.bz2.xz",
  "A.JPG", "a.HtMl", "a.b.c.py", "space name.md", "emoji-😀.json",
];

const bin = new Uint8Array([0, 1, 2, 253, 254, 255, 13, 10, 45, 45]);

const CASES: BodyCase[] = [
  { files: { file: ["name.txt", new TextEncoder().encode("data"), "text/plain"] }, headers: { "content-type": "multipart/form-data; boundary=fixed" } },
  {
    data: { a: "1", t: true, f: false, n: null, list: [1, "two", 2.5, false, null], "ü name": 'välue "q"\n', empty: [] },
    files: [
      ["f", ["a.txt", "first"]],
      ["f", ["b.bin", bin]],
      ["bare", bin],
      ["bare", "string content"],
      ["nofilename", [null, "x"]],
      ["emptyfilename", ["", "x"]],
      ["guessed", ["img.png", bin, null]],
      ["typed", ["x.png", bin, "text/x-mine; charset=utf-8"]],
      ["emptytype", ["x.png", "y", ""]],
      ["nullname-typed", [null, "y", "text/plain"]],
      ["extra", ["a.json", "{}", null, { "X-Custom": "ü v", "Content-Language": "en" }]],
      ["typeheader", ["a.json", "{}", "text/plain", { "My-Content-Type-Too": "x" }]],
      ["typeheader2", ["a.json", "{}", null, { "CONTENT-TYPE": "text/csv" }]],
      ['na"me\\\x01', ["n", ""]],
    ],
    headers: { "content-type": "multipart/form-data; boundary=0123456789abcdef" },
  },
  { files: NAMES.map((n, i): [string, FileSpec] => [`f${i}`, [n, `c${i}`]]), headers: { "content-type": "multipart/form-data; boundary=names" } },
  { files: { a: "x" }, headers: { "content-type": 'multipart/form-data; charset=utf-8; Boundary="quoted-b"' } },
  { files: { a: "x" }, headers: { "content-type": "multipart/form-data;boundary=  spaced  ;x=1" } },
  { files: { a: "x" }, headers: { "content-type": "multipart/form-data; boundary=" } },
  { files: { a: "x" }, headers: { "content-type": 'multipart/form-data; boundary=""twice""' } },
  { data: { a: "1 2", b: null, c: true, d: ["x", 3] }, files: {} },
  { data: { a: "1" }, files: [] },
  { data: {}, files: {} },
  { content: "raw", data: { a: "1" }, files: { f: "x" } },
  { json: { j: 1 }, data: { a: "1" } },
  { json: { j: 1 }, data: {} },
];

if (requirePython("httpx")) {
  test("files: the body and headers are httpx's, byte for byte, for a fixed boundary", async () => {
    const { results } = httpxEncode(CASES);
    for (const [i, c] of CASES.entries()) {
      const ts = await tsEncode(c);
      assert.equal(ts.headers, results[i].headers, `headers of case ${i}`);
      assert.ok(Buffer.from(ts.body).equals(results[i].body), `case ${i}:\n${Buffer.from(ts.body).toString("latin1")}\n---- httpx:\n${Buffer.from(results[i].body).toString("latin1")}`);
    }
  });

  test("files: the content type guessed from the filename is Python's mimetypes.guess_type (built-in table) for every extension", async () => {
    const { extensions } = httpxEncode([]);
    assert.ok(extensions.length > 150, "Python listed its extensions");
    const names = extensions.flatMap((ext) => [`f${ext}`, `F${ext.toUpperCase()}`, `f${ext}.gz`, `f${ext}.Z`]);
    const c: BodyCase = { files: names.map((n): [string, FileSpec] => ["f", [n, ""]]), headers: { "content-type": "multipart/form-data; boundary=b" } };
    const ts = await tsEncode(c);
    const expected = httpxEncode([c]).results[0].body;
    assert.ok(Buffer.from(ts.body).equals(expected), Buffer.from(ts.body).toString("latin1"));
  });

  test("files: without a boundary in the content-type, a random one is used, as httpx does", async () => {
    const cases: BodyCase[] = [{ files: { a: ["a.txt", "x"] } }, { files: { a: "x" }, headers: { "content-type": "multipart/form-data" } }, { files: { a: "x" }, headers: { "content-type": "Multipart/Form-Data; boundary=ignored" } }];
    const { results } = httpxEncode(cases);
    const boundaryOf = (body: Uint8Array): string => Buffer.from(body).toString("latin1").split("\r\n")[0].slice(2);
    for (const [i, c] of cases.entries()) {
      const ts = await tsEncode(c);
      const boundary = boundaryOf(ts.body);
      assert.match(boundary, /^[0-9a-f]{32}$/);
      assert.is.not(boundary, boundaryOf((await tsEncode(c)).body), "a new boundary each time");
      const same = (body: Uint8Array, b: string): string => Buffer.from(body).toString("latin1").replaceAll(b, "BOUNDARY");
      assert.is(same(ts.body, boundary), same(results[i].body, boundaryOf(results[i].body)), `case ${i}`);
      const header = (h: Record<string, string>, b: string): string => h["content-type"].replace(b, "BOUNDARY");
      assert.is(header(ts.headers, boundary), header(results[i].headers, boundaryOf(results[i].body)), `case ${i}`);
      assert.is(ts.headers["content-length"], results[i].headers["content-length"]);
    }
  });
}

test("files: a content-type set on the client gives the boundary, and is sent once", async () => {
  const client = new TestClient(async () => undefined, { headers: { "content-type": "multipart/form-data; boundary=fromclient" } });
  const ts = await tsEncode({ files: { a: "x" } }, client);
  assert.is(ts.headers["content-type"], "multipart/form-data; boundary=fromclient");
  assert.ok(Buffer.from(ts.body).toString("latin1").startsWith("--fromclient\r\n"));
  const json = await tsEncode({ json: 1 }, client);
  assert.is(json.headers["content-type"], "multipart/form-data; boundary=fromclient", "a client's content-type is kept, as httpx keeps it");
});

test("files: a route reading request.form() gets the files and fields back", async () => {
  const app = new App();
  app.post("/upload")(async (request: Request) => {
    const form = await request.form();
    const items = form.multiItems().map(async ([name, value]) =>
      value instanceof UploadFile
        ? { name, filename: value.filename, contentType: value.contentType, bytes: [...(await value.read())], headers: value.headers.items().filter(([k]) => k !== "content-disposition") }
        : { name, value },
    );
    return Promise.all(items);
  });
  const client = new TestClient(app);
  const response = await client.post("/upload", {
    data: { title: "Ünïcode ✓", flag: true, many: ["1", "2"] },
    files: [
      ["file", ["résumé 日本.txt", bin, "text/plain"]],
      ["file", ["second.png", "png?"]],
      ["raw", new Uint8Array([255])],
      ["meta", ["m.csv", "a,b", null, { "X-Extra": "1" }]],
      ["nofilename", [null, "just a field"]],
    ],
  });
  assert.is(response.statusCode, 200);
  assert.equal(response.json(), [
    { name: "title", value: "Ünïcode ✓" },
    { name: "flag", value: "true" },
    { name: "many", value: "1" },
    { name: "many", value: "2" },
    { name: "file", filename: "résumé 日本.txt", contentType: "text/plain", bytes: [...bin], headers: [["content-type", "text/plain"]] },
    { name: "file", filename: "second.png", contentType: "image/png", bytes: [...Buffer.from("png?")], headers: [["content-type", "image/png"]] },
    { name: "raw", filename: "upload", contentType: "application/octet-stream", bytes: [255], headers: [["content-type", "application/octet-stream"]] },
    { name: "meta", filename: "m.csv", contentType: "text/csv", bytes: [...Buffer.from("a,b")], headers: [["x-extra", "1"], ["content-type", "text/csv"]] },
    { name: "nofilename", value: "just a field" },
  ]);
});

test("files: one body is sent, as httpx chooses: content, else files, else non-empty data, else json", async () => {
  assert.is(new TextDecoder().decode((await tsEncode({ content: "raw", files: { f: "x" }, json: 1 })).body), "raw");
  const multipart = await tsEncode({ files: { f: "x" }, json: { a: 1 } });
  assert.match(multipart.headers["content-type"], /^multipart\/form-data; boundary=[0-9a-f]{32}$/);
  assert.is((await tsEncode({ data: { a: "1" }, json: 1 })).headers["content-type"], "application/x-www-form-urlencoded");
  const json = await tsEncode({ data: {}, files: [], json: [1] });
  assert.equal([new TextDecoder().decode(json.body), json.headers["content-type"]], ["[1]", "application/json"]);
  assert.equal((await tsEncode({ data: {} })).headers, { "content-length": "0" });
});

test("headers as pairs keep repeats and replace the client's; a GET may carry a body; a path that is no valid percent-encoding is left as sent", async () => {
  const headers: Array<[string, string]> = [["X-A", "1"], ["x-a", "2"], ["User-Agent", "mine"]];
  const body = (await new TestClient(echo).get("/%E0%A4%A", { headers, content: "b" })).json() as { url: string; headers: Array<[string, string]>; body: string };
  assert.is(body.url, "http://testserver/%E0%A4%A");
  assert.equal(body.headers.filter(([k]) => k === "x-a" || k === "user-agent"), [["x-a", "1"], ["x-a", "2"], ["user-agent", "mine"]]);
  assert.is(body.body, "b");
  assert.ok(body.headers.some(([k, v]) => k === "content-length" && v === "1"));
});

test("test_client: raiseServerExceptions false gives the 500 the app sent", async () => {
  const app = new App();
  app.get("/")(() => {
    throw new Error("boom");
  });
  const response = await new TestClient(app, { raiseServerExceptions: false }).get("/");
  assert.is(response.statusCode, 500);
  const silent: ASGIApp = async () => {
    throw new Error("before start");
  };
  const bare = await new TestClient(silent, { raiseServerExceptions: false }).get("/");
  assert.is(bare.statusCode, 500);
  assert.is(bare.text, "");
});

test("an app that sends nothing, or sends out of order, fails the request", async () => {
  assert.is((await rejects(new TestClient(async () => undefined).get("/"))).message, "TestClient did not receive any response.");
  const twice: ASGIApp = async (_s, _r, send) => {
    await send({ type: "http.response.start", status: 200 });
    await send({ type: "http.response.start", status: 200 });
  };
  assert.match((await rejects(new TestClient(twice).get("/"))).message, /Expected ASGI message "http.response.body"/);
  const bodyFirst: ASGIApp = async (_s, _r, send) => send({ type: "http.response.body", body: new Uint8Array() });
  assert.match((await rejects(new TestClient(bodyFirst).get("/"))).message, /Expected ASGI message "http.response.start"/);
});

test("the app's receive: the body once, then http.disconnect after the response", async () => {
  const seen: string[] = [];
  const app: ASGIApp = async (_scope, receive, send) => {
    seen.push((await receive()).type);
    await send({ type: "http.response.start", status: 200 });
    await send({ type: "http.response.body", body: new Uint8Array() });
    seen.push((await receive()).type);
  };
  await new TestClient(app).get("/");
  assert.equal(seen, ["http.request", "http.disconnect"]);
});

test("redirects: followed by default (303 turns POST into GET, 307 keeps it), not with followRedirects false", async () => {
  const app: ASGIApp = async (scope, receive, send) => {
    const request = new Request(scope, receive);
    let response: Response;
    if (scope.path === "/303") response = new Response(null, { statusCode: 303, headers: { location: "/final" } });
    else if (scope.path === "/307") response = new Response(null, { statusCode: 307, headers: { location: "http://testserver/final" } });
    else response = new PlainTextResponse(`${request.method} ${new TextDecoder().decode(await request.body())}`);
    await response.call(scope, receive, send);
  };
  const client = new TestClient(app);
  assert.is((await client.post("/303", { content: "x" })).text, "GET ");
  assert.is((await client.post("/307", { content: "x" })).text, "POST x");
  const stopped = await new TestClient(app, { followRedirects: false }).post("/303");
  assert.is(stopped.statusCode, 303);
  assert.is((await client.head("/303")).statusCode, 200);
});

test("cookie jar: stores Set-Cookie, sends it back on matching paths, honours deletion", async () => {
  const app: ASGIApp = async (scope, receive, send) => {
    const request = new Request(scope, receive);
    const response = new JSONResponse({ ...request.cookies });
    if (scope.path === "/set") {
      response.setCookie("a", "1");
      response.setCookie("scoped", "2", { path: "/only" });
      response.setCookie("sec", "3", { secure: true });
    }
    if (scope.path === "/del") response.deleteCookie("a");
    if (scope.path === "/expired") response.setCookie("b", "x", { expires: new Date(0) });
    await response.call(scope, receive, send);
  };
  const client = new TestClient(app);
  await client.get("/set");
  assert.equal((await client.get("/")).json(), { a: "1" }, "no scoped cookie, no secure cookie over http");
  assert.equal((await client.get("/only/x")).json(), { scoped: "2", a: "1" }, "longer paths first");
  assert.equal((await client.get("/onlyx")).json(), { a: "1" });
  assert.equal((await client.get("/", { cookies: { extra: "e" } })).json(), { a: "1", extra: "e" });
  assert.is(client.cookies.get("a"), "1");
  await client.get("/del");
  assert.is(client.cookies.get("a"), null);
  await client.get("/expired");
  assert.is(client.cookies.get("b"), null);
  const secure = new TestClient(app, { baseUrl: "https://testserver" });
  await secure.get("/set");
  assert.equal((await secure.get("/")).json(), { a: "1", sec: "3" });
});

test("CookieJar: set, delete, clear, size, toJSON, domain matching and expiry", () => {
  const jar = new CookieJar();
  jar.set("a", "1");
  jar.set("a", "2");
  jar.set("old", "x", { expires: Date.now() - 1000 });
  assert.is(jar.size, 1);
  assert.equal(jar.toJSON(), { a: "2" });
  jar.store("d=1; Domain=.example.com; Path=/p; HttpOnly", new URL("http://www.example.com/p/q"));
  jar.store("noequals", new URL("http://x/"));
  jar.store("m=1; Max-Age=100; expires=junk", new URL("http://x/dir/page"));
  assert.equal([...jar].find((c) => c.name === "d"), { name: "d", value: "1", domain: "example.com", path: "/p", secure: false, httpOnly: true, expires: null });
  assert.is([...jar].find((c) => c.name === "m")?.path, "/dir");
  assert.is(jar.headerFor(new URL("http://api.example.com/p")), "d=1; a=2");
  assert.is(jar.headerFor(new URL("http://other.org/")), "a=2");
  jar.delete("a");
  jar.clear();
  assert.is(jar.headerFor(new URL("http://x/")), null);
});

test("a URL with no path is a request for /, and its cookies are sent back there", async () => {
  const app = new App();
  app.get("/")((request: Request) => {
    const response = new PlainTextResponse(`${request.url.path} ${request.cookies.a ?? "-"}`);
    response.setCookie("a", "1");
    return response;
  });
  const client = new TestClient(app);
  assert.is((await client.get("http://testserver")).text, "/ -");
  assert.is((await client.get("http://testserver")).text, "/ 1");
});

test("a relative baseUrl: the scheme is http and the host testserver; the jar keeps its cookies host-free", async () => {
  const app = new App();
  app.get("/api/items")((request: Request) => {
    const response = new PlainTextResponse(`${request.url} ${request.headers.get("host")} ${request.cookies.seen ?? "-"}`);
    response.setCookie("seen", "yes");
    return response;
  });
  const client = new TestClient(app, { baseUrl: "/api" });
  assert.is((await client.get("/items")).text, "http://testserver/api/items testserver -");
  assert.is((await client.get("items")).text, "http://testserver/api/items testserver yes");
  assert.equal([...client.cookies].map((c) => [c.name, c.domain, c.path]), [["seen", "", "/"]]);
});

test("an unknown or mistyped option is a TypeError naming it, as Python's unexpected keyword argument", () => {
  const error = (options: unknown): string => {
    try {
      new TestClient(echo, options as TestClientOptions);
      return "constructed";
    } catch (e) {
      return `${(e as Error).name}: ${(e as Error).message}`;
    }
  };
  assert.is(error({ base_url: "http://h" }), 'TypeError: TestClient got an unexpected option "base_url"; did you mean "baseUrl"?');
  assert.is(error({ raise_server_exceptions: false }), 'TypeError: TestClient got an unexpected option "raise_server_exceptions"; did you mean "raiseServerExceptions"?');
  assert.is(error({ folowRedirects: false }), 'TypeError: TestClient got an unexpected option "folowRedirects"; did you mean "followRedirects"?');
  assert.is(error({ backend: "trio" }), 'TypeError: TestClient got an unexpected option "backend"; the options are baseUrl, raiseServerExceptions, rootPath, headers, cookies, followRedirects, client');
  assert.is(error({ raiseServerExceptions: "no" }), 'TypeError: TestClient option "raiseServerExceptions" must be true or false, got "no"');
  assert.is(error({ followRedirects: 1 }), 'TypeError: TestClient option "followRedirects" must be true or false, got 1');
  assert.match(error({ baseUrl: new URL("http://h") }), /^TypeError: TestClient option "baseUrl" must be a string, got URL \{/);
  assert.is(error({ rootPath: 1 }), 'TypeError: TestClient option "rootPath" must be a string, got 1');
  assert.is(error({ headers: [["x", "1"]] }), 'TypeError: TestClient option "headers" must be an object of header names to string values, got [ [Array] ]');
  assert.is(error({ headers: { "x-n": 1 } }), "TypeError: TestClient option \"headers\" must be an object of header names to string values, got { 'x-n': 1 }");
  assert.is(error({ cookies: "session=abc" }), 'TypeError: TestClient option "cookies" must be an object of cookie names to string values, got "session=abc"');
  assert.is(error({ cookies: null }), 'TypeError: TestClient option "cookies" must be an object of cookie names to string values, got null');
  assert.is(error({ client: ["h", "1"] }), 'TypeError: TestClient option "client" must be a [host, port] pair, got [ \'h\', \'1\' ]');
  assert.is(error({ client: [1, 2] }), "TypeError: TestClient option \"client\" must be a [host, port] pair, got [ 1, 2 ]");
  assert.is(error({ client: ["h"] }), "TypeError: TestClient option \"client\" must be a [host, port] pair, got [ 'h' ]");
  assert.is(error({ client: "h:1" }), 'TypeError: TestClient option "client" must be a [host, port] pair, got "h:1"');
  assert.is(error([]), "TypeError: TestClient options must be an object, got []");
  assert.is(error({ baseUrl: "http://h", raiseServerExceptions: false, rootPath: "/r", headers: {}, cookies: { a: "1" }, followRedirects: false, client: ["h", 1] }), "constructed");
  assert.is(error({ headers: undefined, client: undefined }), "constructed");
});

// ---------------------------------------------------------------- websocket sessions

test("test_websocket_blocking_receive", async () => {
  const app: ASGIApp = async (scope, receive, send) => {
    const websocket = new WebSocket(scope, receive, send);
    await websocket.accept();
    const respond = websocket.sendJson({ message: "test" });
    try {
      // This blocks, as the client sends nothing; it does not keep `respond` from running.
      await websocket.receiveJson();
    } catch (exc) {
      if (!(exc instanceof WebSocketDisconnect)) throw exc;
    }
    await respond;
  };
  await using websocket = await new TestClient(app).websocketConnect("/");
  assert.equal(await websocket.receiveJson(), { message: "test" });
});

test("test_websocket_not_block_on_close", async () => {
  // anyio.sleep_forever() cancelled when the test leaves: here the app's next send after it has left fails.
  let cancelled = false;
  let resume: () => void = () => undefined;
  const app: ASGIApp = async (scope, receive, send) => {
    const websocket = new WebSocket(scope, receive, send);
    await websocket.accept();
    await new Promise<void>((resolve) => (resume = resolve));
    try {
      await websocket.sendText("too late");
    } catch (exc) {
      cancelled = true;
      throw exc;
    }
  };
  await new TestClient(app).websocketConnect("/", {}, () => undefined);
  resume();
  await new Promise((resolve) => setImmediate(resolve));
  assert.ok(cancelled);
});

test("test_websocket_raw_path_without_params", async () => {
  const app: ASGIApp = async (scope, receive, send) => {
    const websocket = new WebSocket(scope, receive, send);
    await websocket.accept();
    const rawPath = scope.raw_path;
    assert.ok(rawPath !== undefined, "raw_path is set");
    await websocket.sendBytes(Buffer.from(rawPath, "latin1"));
  };
  await using websocket = await new TestClient(app).websocketConnect("/hello-world", { params: { foo: "bar" } });
  assert.is(Buffer.from(await websocket.receiveBytes()).toString(), "/hello-world");
});

/** The fields of the scope an app gets, as tests/python/testclient_websocket_scope.py sends them back. */
const scopeEcho: ASGIApp = async (scope, receive, send) => {
  const websocket = new WebSocket(scope, receive, send);
  const offered = scope.subprotocols as string[];
  await websocket.accept({ subprotocol: offered.at(-1) ?? null });
  await websocket.sendJson({
    type: scope.type,
    scheme: scope.scheme,
    path: scope.path,
    raw_path: scope.raw_path,
    root_path: scope.root_path,
    query_string: scope.query_string,
    headers: scope.headers,
    client: scope.client,
    server: scope.server,
    subprotocols: scope.subprotocols,
    extensions: scope.extensions,
    url: String(websocket.url),
    cookies: websocket.cookies,
  });
  await websocket.close();
};

interface ScopeCase {
  url: string;
  subprotocols?: string[];
  headers?: Array<[string, string]>;
  params?: Record<string, string>;
  jar?: Record<string, string>;
  root_path?: string;
}

const SCOPE_CASES: ScopeCase[] = [
  { url: "/ws?a=1", subprotocols: ["soap", "wamp"], headers: [["X-Custom", "v"], ["connection", "Upgrade"]], params: { b: "2" }, jar: { session: "abc" } },
  { url: "wss://example.org:8443/p%20q?x=%C3%A9" },
  { url: "ws://testserver", root_path: "/root" },
  { url: "/ws", headers: [["sec-websocket-protocol", "a,b , c"], ["user-agent", "mine"], ["Cookie", "given=1"]], jar: { session: "abc" } },
  { url: "ws://example.com/ws?dropped=1", params: {} },
];

async function ourScope(c: ScopeCase): Promise<{ scope: unknown; accepted_subprotocol: string | null }> {
  const client = new TestClient(scopeEcho, { rootPath: c.root_path ?? "" });
  for (const [name, value] of Object.entries(c.jar ?? {})) client.cookies.set(name, value);
  const options: WebSocketConnectOptions = {};
  if (c.subprotocols) options.subprotocols = c.subprotocols;
  if (c.headers) options.headers = c.headers;
  if (c.params) options.params = c.params;
  return client.websocketConnect(c.url, options, async (websocket) => ({ scope: await websocket.receiveJson(), accepted_subprotocol: websocket.acceptedSubprotocol }));
}

test("websocketConnect's scope: subprotocols, headers, params, the cookie jar, ws/wss URLs, as Starlette's TestClient builds it", async () => {
  const ours = await Promise.all(SCOPE_CASES.map(ourScope));
  const first = ours[0].scope as { headers: Array<[string, string]>; subprotocols: string[]; cookies: unknown; url: string };
  assert.equal(first.subprotocols, ["soap", "wamp"]);
  assert.is(ours[0].accepted_subprotocol, "wamp");
  assert.ok(first.headers.some(([k, v]) => k === "cookie" && v === "session=abc"), "the jar's cookie is on the handshake");
  assert.equal(first.cookies, { session: "abc" });
  assert.is(first.url, "ws://testserver/ws?b=2");
  if (requirePython("starlette", "httpx")) {
    const python = runPython<unknown[]>("testclient_websocket_scope", SCOPE_CASES);
    assert.equal(ours, python);
  }
});

test("websocketConnect: the callback form returns its value and closes the session, even when it throws", async () => {
  const log: string[] = [];
  const app: ASGIApp = async (scope, receive, send) => {
    const websocket = new WebSocket(scope, receive, send);
    await websocket.accept();
    try {
      for (;;) log.push(await websocket.receiveText());
    } catch (exc) {
      log.push(`closed ${(exc as WebSocketDisconnect).code}`);
    }
  };
  const client = new TestClient(app);
  const value = await client.websocketConnect("/", {}, (websocket) => {
    websocket.sendText("a");
    return 42;
  });
  assert.is(value, 42);
  const error = await rejects(
    client.websocketConnect("/", {}, (websocket) => {
      websocket.sendText("b");
      throw new Error("the test's own failure");
    }),
  );
  assert.is(error.message, "the test's own failure");
  assert.equal(log, ["a", "closed 1000", "b", "closed 1000"]);
  // `await using` closes at the end of the block; exit() twice is harmless.
  {
    await using websocket = await client.websocketConnect("/");
    websocket.sendText("c");
    await websocket.exit();
  }
  assert.equal(log.slice(4), ["c", "closed 1000"]);
});

test("WebSocketDenialResponse: statusCode, headers, content, text and json() of the app's HTTP answer", async () => {
  const app = new App({
    routes: [],
    exceptionHandlers: [[HTTPExceptionLike, () => new JSONResponse({ detail: "Unauthorized" }, { statusCode: 401, headers: { "www-authenticate": "Basic" } })]],
  });
  app.websocket("/ws", () => {
    throw new HTTPExceptionLike();
  });
  const error = await rejects(new TestClient(app).websocketConnect("/ws"));
  assert.instance(error, WebSocketDenialResponse);
  assert.instance(error, WebSocketDisconnect);
  const denial = error as WebSocketDenialResponse;
  assert.is(denial.statusCode, 401);
  assert.is(denial.headers.get("www-authenticate"), "Basic");
  assert.is(denial.headers.get("content-type"), "application/json");
  assert.is(Buffer.from(denial.content).toString(), '{"detail":"Unauthorized"}');
  assert.is(denial.text, '{"detail":"Unauthorized"}');
  assert.equal(denial.json(), { detail: "Unauthorized" });
  assert.is(denial.code, 1006);
  assert.is(denial.response.url.scheme, "ws");
});

class HTTPExceptionLike extends Error {}

test("a denial response sent in several body messages, some empty, and one with no headers", async () => {
  const app: ASGIApp = async (_scope, receive, send) => {
    await receive();
    await send({ type: "websocket.http.response.start", status: 418 });
    await send({ type: "websocket.http.response.body", body: new TextEncoder().encode("I'm "), more_body: true });
    await send({ type: "websocket.http.response.body", more_body: true });
    await send({ type: "websocket.http.response.body", body: new TextEncoder().encode("a teapot") });
  };
  const denial = (await rejects(new TestClient(app).websocketConnect("/"))) as WebSocketDenialResponse;
  assert.is(denial.statusCode, 418);
  assert.is(denial.text, "I'm a teapot");
  assert.equal([...denial.headers.keys()], []);
  assert.is(denial.response.messages.length, 4);
});

test("a close before accept without code or reason is WebSocketDisconnect(1000, '')", async () => {
  const app: ASGIApp = async (_scope, receive, send) => {
    await receive();
    await send({ type: "websocket.close" });
  };
  const error = (await rejects(new TestClient(app).websocketConnect("/"))) as WebSocketDisconnect;
  assert.instance(error, WebSocketDisconnect);
  assert.is(error.code, 1000);
  assert.is(error.reason, "");
});

test("TestClient takes an endpoint class as the app; websocketConnect's options are checked", async () => {
  class Echo extends WebSocketEndpoint {
    override encoding = "text" as const;
    override async onReceive(websocket: WebSocket, data: string): Promise<void> {
      await websocket.sendText(data.toUpperCase());
    }
  }
  const client = new TestClient(Echo);
  await client.websocketConnect("/", {}, async (websocket) => {
    websocket.sendText("hi");
    assert.is(await websocket.receiveText(), "HI");
  });
  class Page extends HTTPEndpoint {
    get = () => new PlainTextResponse("page");
  }
  assert.is((await new TestClient(Page).get("/")).text, "page");
  const message = async (options: unknown) => (await rejects(client.websocketConnect("/", options as WebSocketConnectOptions))).message;
  assert.is(await message({ subprotocol: "a" }), 'websocketConnect got an unexpected option "subprotocol"; did you mean "subprotocols"?');
  assert.is(await message({ headers: [["a"]] }), 'websocketConnect option "headers" must be an object of header names to values, or [name, value] pairs, got [ [Array] ]');
  assert.is(await message({ headers: { a: 1 } }), "websocketConnect option \"headers\" must be an object of header names to values, or [name, value] pairs, got { a: 1 }");
  assert.is(await message({ params: 1 }), 'websocketConnect option "params" must be a query string or an object, got 1');
  assert.is(await message({ subprotocols: "a" }), 'websocketConnect option "subprotocols" must be a list of strings, got "a"');
});

test("a websocket scope carries the lifespan state, and a session's receive after the app returned says why it waits no more", async () => {
  const app = new App({
    lifespan: async function* () {
      yield { count: 1 };
    },
  });
  app.websocket("/", async (websocket: WebSocket) => {
    await websocket.accept();
    await websocket.sendJson({ count: (websocket.scope.state as Scope["state"] & { count: number }).count });
  });
  const client = new TestClient(app);
  await client.run(async () => {
    await client.websocketConnect("/", {}, async (websocket) => {
      assert.equal(await websocket.receiveJson(), { count: 1 });
      const error = await rejects(websocket.receiveText());
      assert.is(error.message, "The app returned without closing the websocket: there is nothing more to receive");
    });
  });
});

test("WebSocketTestSession's edges: the wrong kind of message, JSON of undefined, an app that returns before accepting, use after the session ended", async () => {
  const app: ASGIApp = async (_scope, receive, send) => {
    await receive();
    await send({ type: "websocket.accept" });
    const message = await receive();
    await send({ type: "websocket.send", bytes: new TextEncoder().encode(String(message.text)) });
    await send({ type: "websocket.send", text: "not bytes" });
    await new Promise(() => undefined); // never returns: the session cancels it
  };
  const session = await new TestClient(app).websocketConnect("ws:///no-host");
  assert.equal(session.scope.server, ["testserver", 80]);
  session.sendJson(undefined);
  assert.is((await rejects(session.receiveText())).message, "Expected text websocket messages, but got bytes");
  assert.is((await rejects(session.receiveBytes())).message, "Expected bytes websocket messages, but got text");
  await session.exit();
  assert.is((await rejects(session.receive())).message, "The websocket session has ended");
  assert.is(thrown(() => session.sendText("late")).message, "The websocket session has ended");

  const silent: ASGIApp = async (_scope, receive) => void (await receive());
  const error = await rejects(new TestClient(silent).websocketConnect("/"));
  assert.is(error.message, 'The app returned without sending "websocket.accept", "websocket.close" or a denial response');
});

test("an app that receives after the test left is cancelled there, and its Cancelled is not the test's error", async () => {
  let resume: () => void = () => undefined;
  const seen: string[] = [];
  const app: ASGIApp = async (_scope, receive, send) => {
    await receive();
    await send({ type: "websocket.accept" });
    await new Promise<void>((resolve) => (resume = resolve));
    seen.push((await receive()).type); // the close the session sent on leaving
    try {
      await receive();
    } catch (exc) {
      seen.push((exc as Error).name);
      throw exc;
    }
  };
  await new TestClient(app).websocketConnect("/", {}, () => undefined);
  resume();
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(seen, ["websocket.disconnect", "Cancelled"]);
});

test.run();
