// Port of tests/test_responses.py (the parts that apply; FileResponse's range tests are in responses_ranges.test.ts).
import { mkdtempSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { BackgroundTask, BackgroundTasks } from "../src/background.js";
import {
  FileResponse,
  formatSetCookie,
  HTMLResponse,
  JSONResponse,
  PlainTextResponse,
  RedirectResponse,
  Response,
  StreamingResponse,
} from "../src/responses.js";
import { TestClient } from "../src/testclient.js";
import type { ASGIApp, Message } from "../src/types.js";
import { rejects } from "./helpers.js";

const asApp = (response: Response): ASGIApp => (scope, receive, send) => response.call(scope, receive, send);

test("test_text_response", async () => {
  const response = await new TestClient(asApp(new Response("hello, world", { mediaType: "text/plain" }))).get("/");
  assert.is(response.text, "hello, world");
  assert.equal(response.headers.items(), [["content-length", "12"], ["content-type", "text/plain; charset=utf-8"]]);
});

test("test_bytes_response", async () => {
  const response = await new TestClient(asApp(new Response(new Uint8Array([0x78, 0x79]), { mediaType: "image/png" }))).get("/");
  assert.equal([...response.content], [0x78, 0x79]);
  assert.is(response.headers.get("content-type"), "image/png");
});

test("test_json_none_response and compact UTF-8 JSON", async () => {
  const response = await new TestClient(asApp(new JSONResponse(null))).get("/");
  assert.is(response.text, "null");
  const unicode = await new TestClient(asApp(new JSONResponse({ a: "é", b: [1, 2] }))).get("/");
  assert.is(unicode.text, '{"a":"é","b":[1,2]}');
  assert.is(unicode.headers.get("content-length"), "20");
  assert.is(unicode.headers.get("content-type"), "application/json");
});

test("HTML and plain text responses carry their charset", () => {
  assert.equal(new HTMLResponse("<p>").rawHeaders, [["content-length", "3"], ["content-type", "text/html; charset=utf-8"]]);
  assert.equal(new PlainTextResponse("", { mediaType: "text/csv; charset=latin-1" }).rawHeaders[1], ["content-type", "text/csv; charset=latin-1"]);
});

test("test_redirect_response: 307 by default, the location quoted as Python's quote()", async () => {
  const response = new RedirectResponse("/some url?q=é");
  assert.is(response.statusCode, 307);
  assert.is(response.headers.get("location"), "/some%20url?q=%C3%A9");
  assert.is(new RedirectResponse("/x", { statusCode: 301 }).statusCode, 301);
  const client = new TestClient(async (scope, receive, send) => {
    const target = scope.path === "/" ? new PlainTextResponse("hello, world") : new RedirectResponse("/");
    await target.call(scope, receive, send);
  });
  assert.is((await client.get("/redirect")).text, "hello, world");
  assert.is((await client.get("/redirect", { followRedirects: false })).statusCode, 307);
});

test("test_streaming_response: sync and async iterables, then background", async () => {
  const events: string[] = [];
  async function* numbers() {
    for (let i = 1; i <= 3; i++) yield String(i) + (i < 3 ? ", " : "");
  }
  const response = new StreamingResponse(numbers(), { mediaType: "text/plain", background: new BackgroundTask(() => void events.push("done")) });
  const result = await new TestClient(asApp(response)).get("/");
  assert.is(result.text, "1, 2, 3");
  assert.is(result.headers.get("content-length"), null);
  assert.equal(events, ["done"]);
  const sync = await new TestClient(asApp(new StreamingResponse(["a", new TextEncoder().encode("b")]))).get("/");
  assert.is(sync.text, "ab");
  assert.equal(sync.messages.map((m: Message) => m.more_body), [undefined, true, true, false]);
});

test("a streaming response turns a gone client (ECONNRESET) into ClientDisconnect", async () => {
  const response = new StreamingResponse(["a"]);
  const error = await rejects(
    response.call({ type: "http" }, async () => ({ type: "http.disconnect" }), async (m) => {
      if (m.type === "http.response.body") throw Object.assign(new Error("gone"), { code: "ECONNRESET" });
    }),
  );
  assert.is(error.name, "ClientDisconnect");
  const other = await rejects(response.call({ type: "http" }, async () => ({ type: "http.disconnect" }), async () => {
    throw new TypeError("other");
  }));
  assert.is(other.message, "other");
});

test("test_set_cookie: the header Python's SimpleCookie writes", async () => {
  const response = new Response("Hello, world!", { mediaType: "text/plain" });
  response.setCookie("mycookie", "myvalue", {
    maxAge: 10,
    expires: new Date(Date.UTC(2037, 0, 22, 12, 0, 10)),
    path: "/",
    domain: "localhost",
    secure: true,
    httponly: true,
    samesite: "none",
  });
  assert.is(
    response.headers.get("set-cookie"),
    "mycookie=myvalue; Domain=localhost; expires=Thu, 22 Jan 2037 12:00:10 GMT; HttpOnly; Max-Age=10; Path=/; SameSite=none; Secure",
  );
  assert.is(formatSetCookie("k", "a b;\"é"), 'k="a b\\073\\"\\351"; Path=/; SameSite=lax');
  assert.is(formatSetCookie("k", "", { samesite: null, path: null }), 'k=""');
  assert.is(formatSetCookie("k", "v", { expires: "Wed, 21 Oct 2015 07:28:00 GMT" }), "k=v; expires=Wed, 21 Oct 2015 07:28:00 GMT; Path=/; SameSite=lax");
});

test("setCookie refuses what SimpleCookie refuses, and CR/LF", () => {
  assert.throws(() => formatSetCookie("bad key", "v"), /Illegal key/);
  assert.throws(() => formatSetCookie("Path", "v"), /reserved key/);
  assert.throws(() => formatSetCookie("k", "v", { samesite: "sometimes" as never }), /samesite must be either 'strict', 'lax' or 'none'/);
  assert.throws(() => formatSetCookie("k", "v", { path: "/\r\nx: y" }), /CR, LF or NUL/);
});

test("test_delete_cookie: expires now, Max-Age=0, empty quoted value", () => {
  const response = new Response();
  const before = Date.now();
  response.deleteCookie("mycookie");
  const header = response.headers.get("set-cookie") as string;
  assert.match(header, /^mycookie=""; expires=[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT; Max-Age=0; Path=\/; SameSite=lax$/);
  const expires = Date.parse(/expires=([^;]*)/.exec(header)?.[1] as string);
  assert.ok(Math.abs(expires - before) < 2000);
});

test("test_populate_headers and content-length rules (1xx, 204, 304 have none)", () => {
  assert.equal(new Response("hi", { headers: { "Content-Length": "5", "x-a": "1" }, mediaType: "text/html" }).rawHeaders, [
    ["content-length", "5"],
    ["x-a", "1"],
    ["content-type", "text/html; charset=utf-8"],
  ]);
  for (const code of [101, 204, 304]) assert.equal(new Response(null, { statusCode: code }).rawHeaders, []);
  assert.equal(new Response().rawHeaders, [["content-length", "0"]]);
});

test("test_head_method: the TestClient drops the body of a HEAD", async () => {
  const response = await new TestClient(asApp(new PlainTextResponse("hello, world"))).head("/");
  assert.is(response.text, "");
  assert.is(response.headers.get("content-length"), "12");
});

test("websocket denial responses are sent as websocket.http.response.*", async () => {
  const sent: Message[] = [];
  await new PlainTextResponse("no").call({ type: "websocket" }, async () => ({ type: "websocket.connect" }), async (m) => void sent.push(m));
  assert.equal(sent.map((m) => m.type), ["websocket.http.response.start", "websocket.http.response.body"]);
});

test("a file that shrinks after its size was read still ends its body; a scope without extensions streams", async () => {
  const dir = mkdtempSync(join(tmpdir(), "starlette-ts-"));
  const path = join(dir, "shrinking.txt");
  writeFileSync(path, "0123456789");
  const sent: Message[] = [];
  // The start carries the size stat() gave (10); the file is cut to 3 bytes before it is read.
  await new FileResponse(path).call({ type: "http", method: "GET" }, async () => ({ type: "http.disconnect" }), async (m) => {
    sent.push(m);
    if (m.type === "http.response.start") truncateSync(path, 3);
  });
  assert.equal(
    sent.map((m) => [m.type, m.body === undefined ? null : Buffer.from(m.body as Uint8Array).toString(), m.more_body ?? null]),
    // As Starlette: a read shorter than a chunk is the last one.
    [["http.response.start", null, null], ["http.response.body", "012", false]],
  );
});

test("a FileResponse runs its background task after the last body message", async () => {
  const dir = mkdtempSync(join(tmpdir(), "starlette-ts-"));
  const path = join(dir, "with-task.txt");
  writeFileSync(path, "body");
  const events: string[] = [];
  const response = new FileResponse(path, { background: new BackgroundTask(() => void events.push("task")) });
  await response.call({ type: "http", method: "GET" }, async () => ({ type: "http.disconnect" }), async (m) => {
    events.push(m.type === "http.response.body" ? `body more=${String(m.more_body)}` : m.type);
  });
  assert.equal(events, ["http.response.start", "body more=false", "task"]);
});

test("test_file_response: headers, body, HEAD, pathsend, missing file", async () => {
  const dir = mkdtempSync(join(tmpdir(), "starlette-ts-"));
  const path = join(dir, "example.txt");
  const content = "<file content>".repeat(10000);
  writeFileSync(path, content);
  const response = await new TestClient(asApp(new FileResponse(path, { filename: "example.txt" }))).get("/");
  assert.is(response.text, content);
  assert.is(response.headers.get("content-type"), "text/plain; charset=utf-8");
  assert.is(response.headers.get("content-length"), String(content.length));
  assert.is(response.headers.get("content-disposition"), 'attachment; filename="example.txt"');
  assert.is(response.headers.get("accept-ranges"), "bytes");
  assert.ok(response.headers.get("last-modified"));
  assert.match(response.headers.get("etag") as string, /^"[0-9a-f]{32}"$/);
  const head = await new TestClient(asApp(new FileResponse(path))).head("/");
  assert.is(head.text, "");
  const unicode = new FileResponse(path, { filename: "ex ample.txt", contentDispositionType: "inline" });
  assert.is(unicode.headers.get("content-disposition"), "inline; filename*=utf-8''ex%20ample.txt");
  const sent: Message[] = [];
  await new FileResponse(path).call({ type: "http", method: "GET", extensions: { "http.response.pathsend": {} } }, async () => ({ type: "http.disconnect" }), async (m) => void sent.push(m));
  assert.equal(sent.map((m) => m.type), ["http.response.start", "http.response.pathsend"]);
  const empty = join(dir, "empty.bin");
  writeFileSync(empty, "");
  const emptyResponse = await new TestClient(asApp(new FileResponse(empty))).get("/");
  assert.is(emptyResponse.content.length, 0);
  assert.is(emptyResponse.headers.get("content-type"), "application/octet-stream");
  const missing = await rejects(new TestClient(asApp(new FileResponse(join(dir, "nope")))).get("/"));
  assert.match(missing.message, /does not exist/);
  const notFile = await rejects(new TestClient(asApp(new FileResponse(dir))).get("/"));
  assert.match(notFile.message, /is not a file/);
});

test("background tasks run after the response, in order", async () => {
  const order: string[] = [];
  const tasks = new BackgroundTasks([BackgroundTask.of((x: string) => void order.push(x), "first")]);
  tasks.addTask(async (x: string) => void order.push(x), "second");
  await new TestClient(asApp(new Response("x", { background: tasks }))).get("/");
  assert.equal(order, ["first", "second"]);
  await new BackgroundTask().call();
});

test.run();
