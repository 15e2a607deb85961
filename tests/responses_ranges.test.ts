// Port of the FileResponse tests of tests/test_responses.py (Starlette 1.3 names; what
// 1.7 changed is marked): ranges, If-Range, HEAD, pathsend, filenames. The same cases
// run against the real Starlette in staticfiles_differential.test.ts.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { BackgroundTask } from "../src/background.js";
import { Headers } from "../src/datastructures.js";
import { FileResponse } from "../src/responses.js";
import { TestClient } from "../src/testclient.js";
import type { Message, Scope } from "../src/types.js";
import { rejects } from "./helpers.js";

const README = `# BáiZé

Powerful and exquisite WSGI/ASGI framework/toolkit.

The minimize implementation of methods required in the Web framework. No redundant implementation means that you can freely customize functions without considering the conflict with baize's own implementation.

Under the ASGI/WSGI protocol, the interface of the request object and the response object is almost the same, only need to add or delete \`await\` in the appropriate place. In addition, it should be noted that ASGI supports WebSocket but WSGI does not.
`;
const README_BYTES = Buffer.from(README, "utf8");
const SIZE = README_BYTES.length;

const dir = mkdtempSync(join(tmpdir(), "starlette-ts-ranges-"));
test.after(() => rmSync(dir, { recursive: true, force: true }));
const readme = join(dir, "README.txt");
writeFileSync(readme, README_BYTES);

const client = (response: FileResponse = new FileResponse(readme)): TestClient => new TestClient(response);
const fileResponseClient = (): TestClient => client();

/** Every message a response sends for a scope. */
async function messages(response: FileResponse, scope: Scope): Promise<Message[]> {
  const sent: Message[] = [];
  await response.call(scope, async () => ({ type: "http.disconnect" }), async (m) => void sent.push(m));
  return sent;
}

test("test_file_response_on_head_method", async () => {
  const path = join(dir, "xyz");
  writeFileSync(path, "<file content>".repeat(1000));
  const sent = await messages(new FileResponse(path, { filename: "example.png" }), { type: "http", method: "head", headers: [["key", "value"]] });
  assert.is(sent[0].status, 200);
  const headers = new Headers({ raw: sent[0].headers });
  assert.is(headers.get("content-type"), "image/png");
  for (const name of ["content-length", "content-disposition", "last-modified", "etag"]) assert.ok(headers.has(name), name);
  assert.equal(sent.slice(1), [{ type: "http.response.body", body: new Uint8Array(0), more_body: false }]);
});

test("test_file_response_set_media_type", async () => {
  const path = join(dir, "xyz");
  writeFileSync(path, "<file content>");
  const response = await client(new FileResponse(path, { filename: "example.png", mediaType: "image/jpeg" })).get("/");
  assert.is(response.headers.get("content-type"), "image/jpeg");
});

test("test_file_response_default_media_type", async () => {
  const path = join(dir, "file.unknownext");
  writeFileSync(path, "<file content>");
  assert.is((await client(new FileResponse(path)).get("/")).headers.get("content-type"), "application/octet-stream");
});

test("test_file_response_with_directory_raises_error", async () => {
  assert.match((await rejects(client(new FileResponse(dir, { filename: "example.png" })).get("/"))).message, "is not a file");
});

test("test_file_response_with_missing_file_raises_error", async () => {
  assert.match((await rejects(client(new FileResponse(join(dir, "404.txt"), { filename: "404.txt" })).get("/"))).message, "does not exist");
  // Other failures of the stat are the system's own, as Python's NotADirectoryError is.
  assert.is(((await rejects(client(new FileResponse(join(readme, "x"))).get("/"))) as NodeJS.ErrnoException).code, "ENOTDIR");
});

test("test_file_response_with_chinese_filename", async () => {
  const path = join(dir, "你好.txt");
  writeFileSync(path, "file content");
  const response = await client(new FileResponse(path, { filename: "你好.txt" })).get("/");
  assert.is(response.statusCode, 200);
  assert.is(response.text, "file content");
  assert.is(response.headers.get("content-disposition"), "attachment; filename*=utf-8''%E4%BD%A0%E5%A5%BD.txt");
});

test("test_file_response_with_inline_disposition", async () => {
  const path = join(dir, "hello.txt");
  writeFileSync(path, "file content");
  const response = await client(new FileResponse(path, { filename: "hello.txt", contentDispositionType: "inline" })).get("/");
  assert.is(response.statusCode, 200);
  assert.is(response.text, "file content");
  assert.is(response.headers.get("content-disposition"), 'inline; filename="hello.txt"');
});

test("test_file_response_with_range_header", async () => {
  const path = join(dir, "hello.txt");
  writeFileSync(path, "file content");
  const etag = '"a_non_autogenerated_etag"';
  const response = await client(new FileResponse(path, { filename: "hello.txt", headers: { etag } })).get("/", { headers: { range: "bytes=0-4", "if-range": etag } });
  assert.is(response.statusCode, 206);
  assert.is(response.text, "file ");
  assert.is(response.headers.get("etag"), etag);
  assert.is(response.headers.get("content-length"), "5");
  assert.is(response.headers.get("content-range"), "bytes 0-4/12");
});

test("test_file_response_with_pathsend", async () => {
  const sent = await messages(new FileResponse(readme, { filename: "example.png" }), { type: "http", method: "get", headers: [], extensions: { "http.response.pathsend": {} } });
  assert.is(sent[0].status, 200);
  assert.equal(sent[1], { type: "http.response.pathsend", path: readme });
});

test("test_file_response_known_size", async () => {
  const response = await client(new FileResponse(readme)).get("/");
  assert.is(response.headers.get("content-length"), String(SIZE));
});

test("test_file_response_without_range", async () => {
  const response = await fileResponseClient().get("/");
  assert.is(response.statusCode, 200);
  assert.not.ok(response.headers.has("content-range"));
  assert.is(response.headers.get("content-length"), String(SIZE));
  assert.is(response.headers.get("content-type"), "text/plain; charset=utf-8");
  assert.is(response.text, README);
});

test("test_file_response_head", async () => {
  const response = await fileResponseClient().head("/");
  assert.is(response.statusCode, 200);
  assert.not.ok(response.headers.has("content-range"));
  assert.is(response.headers.get("content-length"), String(SIZE));
  assert.is(response.headers.get("content-type"), "text/plain; charset=utf-8");
  assert.is(response.content.length, 0);
});

test("test_file_response_range", async () => {
  const response = await fileResponseClient().get("/", { headers: { Range: "bytes=0-100" } });
  assert.is(response.statusCode, 206);
  assert.is(response.headers.get("content-range"), `bytes 0-100/${SIZE}`);
  assert.is(response.headers.get("content-length"), "101");
  assert.is(response.headers.get("content-type"), "text/plain; charset=utf-8");
  assert.equal(Buffer.from(response.content), README_BYTES.subarray(0, 101));
});

test("test_file_response_range_head", async () => {
  const response = await fileResponseClient().head("/", { headers: { Range: "bytes=0-100" } });
  assert.is(response.statusCode, 206);
  assert.is(response.headers.get("content-range"), `bytes 0-100/${SIZE}`);
  assert.is(response.headers.get("content-length"), "101");
  assert.is(response.headers.get("content-type"), "text/plain; charset=utf-8");
  assert.is(response.content.length, 0);
});

test("test_file_response_range_multi", async () => {
  const response = await fileResponseClient().get("/", { headers: { Range: "bytes=0-100, 200-300" } });
  assert.is(response.statusCode, 206);
  assert.not.ok(response.headers.has("content-range"));
  assert.is(response.headers.get("content-length"), "448");
  assert.match(response.headers.get("content-type") as string, /^multipart\/byteranges; boundary=[0-9a-f]{26}$/);
  assert.is(response.content.length, 448);
});

test("test_file_response_range_multi_head", async () => {
  const c = fileResponseClient();
  const response = await c.head("/", { headers: { Range: "bytes=0-100, 200-300" } });
  assert.is(response.statusCode, 206);
  assert.not.ok(response.headers.has("content-range"));
  assert.is(response.headers.get("content-length"), "448");
  assert.match(response.headers.get("content-type") as string, /^multipart\/byteranges; boundary=/);
  assert.is(response.content.length, 0);
  const etag = response.headers.get("etag") as string;
  assert.is((await c.head("/", { headers: { Range: "bytes=200-300", "if-range": etag.slice(0, -1) } })).statusCode, 200);
  assert.is((await c.head("/", { headers: { Range: "bytes=200-300", "if-range": etag } })).statusCode, 206);
});

test("test_file_response_range_invalid", async () => {
  assert.is((await fileResponseClient().head("/", { headers: { Range: "bytes: 0-1000" } })).statusCode, 400);
});

test("test_file_response_range_head_max", async () => {
  assert.is((await fileResponseClient().head("/", { headers: { Range: `bytes=0-${SIZE + 1}` } })).statusCode, 206);
});

test("test_file_response_range_416", async () => {
  const response = await fileResponseClient().head("/", { headers: { Range: `bytes=${SIZE + 1}-` } });
  assert.is(response.statusCode, 416);
  assert.is(response.headers.get("Content-Range"), `bytes */${SIZE}`);
});

test("test_file_response_only_support_bytes_range", async () => {
  const response = await fileResponseClient().get("/", { headers: { Range: "items=0-100" } });
  assert.is(response.statusCode, 400);
  assert.is(response.text, "Only support bytes range");
});

test("test_file_response_range_must_be_requested", async () => {
  const response = await fileResponseClient().get("/", { headers: { Range: "bytes=" } });
  assert.is(response.statusCode, 400);
  assert.is(response.text, "Range header: range must be requested");
});

test("test_file_response_start_must_be_less_than_end", async () => {
  const response = await fileResponseClient().get("/", { headers: { Range: "bytes=100-0" } });
  assert.is(response.statusCode, 400);
  assert.is(response.text, "Range header: start must be less than end");
});

test("test_file_response_merge_ranges", async () => {
  const response = await fileResponseClient().get("/", { headers: { Range: "bytes=0-100, 50-200" } });
  assert.is(response.statusCode, 206);
  assert.is(response.headers.get("content-length"), "201");
  assert.is(response.headers.get("content-range"), `bytes 0-200/${SIZE}`);
});

/** The parts of a multipart/byteranges body, parsed on their own (not with the writer's help). */
function parseMultipart(body: Buffer, boundary: string): Array<{ headers: Record<string, string>; data: Buffer }> {
  const text = body.toString("latin1");
  assert.ok(text.endsWith(`--${boundary}--`), "the closing boundary ends the body");
  return text
    .slice(0, -`--${boundary}--`.length)
    .split(`--${boundary}\r\n`)
    .slice(1)
    .map((part) => {
      const end = part.indexOf("\r\n\r\n");
      const headers = Object.fromEntries(part.slice(0, end).split("\r\n").map((line) => line.split(": ") as [string, string]));
      assert.ok(part.endsWith("\r\n"), "each part ends with CRLF");
      return { headers, data: Buffer.from(part.slice(end + 4, -2), "latin1") };
    });
}

test("test_file_response_insert_ranges", async () => {
  const response = await fileResponseClient().get("/", { headers: { Range: "bytes=100-200, 0-50" } });
  assert.is(response.statusCode, 206);
  assert.not.ok(response.headers.has("content-range"));
  const boundary = (response.headers.get("content-type") as string).split("boundary=")[1];
  assert.equal(response.text.split(/\r?\n/), [
    `--${boundary}`,
    "Content-Type: text/plain; charset=utf-8",
    "Content-Range: bytes 0-50/526",
    "",
    "# BáiZé",
    "",
    "Powerful and exquisite WSGI/ASGI framewo",
    `--${boundary}`,
    "Content-Type: text/plain; charset=utf-8",
    "Content-Range: bytes 100-200/526",
    "",
    "ds required in the Web framework. No redundant implementation means that you can freely customize fun",
    `--${boundary}--`,
  ]);
  const parts = parseMultipart(Buffer.from(response.content), boundary);
  assert.is(parts.length, 2);
  assert.ok(parts.every((p) => p.headers["Content-Type"] === "text/plain; charset=utf-8"));
  assert.is(parts[0].headers["Content-Range"], "bytes 0-50/526");
  assert.equal(parts[0].data, Buffer.from("# BáiZé\n\nPowerful and exquisite WSGI/ASGI framewo", "utf8"));
  assert.is(parts[1].headers["Content-Range"], "bytes 100-200/526");
  assert.equal(parts[1].data, Buffer.from("ds required in the Web framework. No redundant implementation means that you can freely customize fun"));
});

test("test_file_response_range_without_dash", async () => {
  const response = await fileResponseClient().get("/", { headers: { Range: "bytes=100, 0-50" } });
  assert.is(response.statusCode, 206);
  assert.is(response.headers.get("content-range"), `bytes 0-50/${SIZE}`);
});

test("test_file_response_range_empty_start_and_end", async () => {
  const response = await fileResponseClient().get("/", { headers: { Range: "bytes= - , 0-50" } });
  assert.is(response.statusCode, 206);
  assert.is(response.headers.get("content-range"), `bytes 0-50/${SIZE}`);
});

test("test_file_response_range_ignore_non_numeric", async () => {
  const response = await fileResponseClient().get("/", { headers: { Range: "bytes=abc-def, 0-50" } });
  assert.is(response.statusCode, 206);
  assert.is(response.headers.get("content-range"), `bytes 0-50/${SIZE}`);
});

test("test_file_response_suffix_range", async () => {
  const response = await fileResponseClient().get("/", { headers: { Range: "bytes=-100" } });
  assert.is(response.statusCode, 206);
  assert.is(response.headers.get("content-range"), `bytes ${SIZE - 100}-${SIZE - 1}/${SIZE}`);
  assert.is(response.headers.get("content-length"), "100");
  assert.equal(Buffer.from(response.content), README_BYTES.subarray(-100));
});

test("test_file_response_suffix_range_larger_than_file", async () => {
  const response = await fileResponseClient().get("/", { headers: { Range: "bytes=-1000" } });
  assert.is(response.statusCode, 206);
  assert.is(response.headers.get("content-range"), `bytes 0-${SIZE - 1}/${SIZE}`);
  assert.is(response.headers.get("content-length"), String(SIZE));
  assert.equal(Buffer.from(response.content), README_BYTES);
});

test("test_file_response_multiple_calls", async () => {
  const c = fileResponseClient();
  assert.is((await c.get("/", { headers: { Range: "bytes=0-100" } })).statusCode, 206);
  const response = await c.get("/");
  assert.is(response.statusCode, 200);
  assert.not.ok(response.headers.has("content-range"));
  assert.is(response.headers.get("content-length"), String(SIZE));
  assert.is(response.headers.get("content-type"), "text/plain; charset=utf-8");
});

test("test_file_response_multi_small_chunk_size", async () => {
  class SmallChunkSizeFileResponse extends FileResponse {
    static override chunkSize = 10;
  }
  const sent = await messages(new SmallChunkSizeFileResponse(readme), { type: "http", method: "get", headers: [["range", "bytes=0-15,20-35,35-50"]] });
  assert.is(sent[0].status, 206);
  const headers = new Headers({ raw: sent[0].headers });
  assert.not.ok(headers.has("content-range"));
  assert.is(headers.get("accept-ranges"), "bytes");
  for (const name of ["content-length", "last-modified", "etag"]) assert.ok(headers.has(name), name);
  const boundary = (headers.get("content-type") as string).split("boundary=")[1];
  const part = (range: string): string => `--${boundary}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Range: bytes ${range}/526\r\n\r\n`;
  assert.equal(sent.slice(1).map((m) => Buffer.from(m.body as Uint8Array).toString("utf8")), [
    part("0-15"),
    "# BáiZé\n",
    "\nPower",
    "\r\n",
    // 20-35 and 35-50 merged into one part.
    part("20-50"),
    "and exquis",
    "ite WSGI/A",
    "SGI framew",
    "o",
    "\r\n",
    `--${boundary}--`,
  ]);
  assert.ok(sent.slice(1, -1).every((m) => m.more_body === true) && sent[sent.length - 1].more_body === false);
});

// ---------------------------------------------------------------- what Starlette 1.7 changed, and this port's own

test("Starlette 1.7: a response whose status is not 200 ignores Range", async () => {
  const response = await client(new FileResponse(readme, { statusCode: 404 })).get("/", { headers: { Range: "bytes=0-5" } });
  assert.is(response.statusCode, 404);
  assert.is(response.text, README);
});

test("Starlette 1.7: more than 100 ranges send the whole file; a zero-length range is a 400", async () => {
  const many = Array.from({ length: 101 }, (_, i) => `${i}-${i}`).join(",");
  const response = await fileResponseClient().get("/", { headers: { Range: `bytes=${many}` } });
  assert.is(response.statusCode, 200);
  assert.is(response.content.length, SIZE);
  assert.is((await fileResponseClient().get("/", { headers: { Range: "bytes=5-4" } })).statusCode, 400);
});

test("huge and malformed Range values get a clear status, never a crash", async () => {
  const c = fileResponseClient();
  const cases: Array<[string, number]> = [
    ["bytes=0-99999999999999999999999999", 206],
    ["bytes=99999999999999999999999999-", 416],
    ["bytes=-99999999999999999999999999", 206],
    [`bytes=0-${"9".repeat(5000)}`, 400],
    ["bytes=0-5" + ",0-1".repeat(99), 206],
    ["bytes", 400],
    ["bytes=\u00ff-", 400],
  ];
  for (const [range, status] of cases) {
    const response = await c.get("/", { headers: { Range: range } });
    assert.is(response.statusCode, status, range);
  }
  assert.is((await c.get("/", { headers: { Range: "bytes" } })).text, "Malformed range header.");
});

test("a 400 or 416 skips the background task, as Starlette's early return does", async () => {
  let ran = 0;
  const response = new FileResponse(readme, { background: new BackgroundTask(() => void ran++) });
  await client(response).get("/", { headers: { Range: "bytes=9999-" } });
  await client(response).get("/", { headers: { Range: "lines=1-2" } });
  assert.is(ran, 0);
  await client(response).get("/", { headers: { Range: "bytes=0-1" } });
  assert.is(ran, 1);
});

test("statResult: the stat given is used, the file not stat'ed again", async () => {
  const st = await stat(readme, { bigint: true });
  const response = new FileResponse(join(dir, "no-such-file"), { statResult: st });
  assert.is(response.headers.get("content-length"), String(SIZE));
  // HEAD reads nothing, so the missing file does not matter.
  assert.is((await client(response).head("/")).statusCode, 200);
  const plain = new FileResponse(readme, { statResult: await stat(readme) });
  assert.match(plain.headers.get("etag") as string, /^"[0-9a-f]{32}"$/);
});

test("a file that shrank after its stat still ends its body", async () => {
  const path = join(dir, "moving.txt");
  writeFileSync(path, "012");
  // The stat of a larger file: the second range starts past what the file now holds.
  const sent = await messages(new FileResponse(path, { statResult: await stat(readme, { bigint: true }) }), { type: "http", method: "GET", headers: [["range", "bytes=0-3,100-200"]] });
  const bodies = sent.slice(1).map((m) => Buffer.from(m.body as Uint8Array).toString());
  assert.equal([bodies[1], bodies[2], bodies[4]], ["012", "\r\n", "\r\n"], "each part ends early rather than waiting for bytes that will not come");
  assert.is(sent[sent.length - 1].more_body, false);
  const single = await messages(new FileResponse(path, { statResult: await stat(readme, { bigint: true }) }), { type: "http", method: "GET", headers: [["range", "bytes=1-300"]] });
  assert.equal(single.slice(1).map((m) => [Buffer.from(m.body as Uint8Array).toString(), m.more_body]), [["12", false]]);
});

test("a websocket scope gets the denial response, as Starlette's _wrap_websocket_denial_send", async () => {
  const sent = await messages(new FileResponse(readme), { type: "websocket", headers: [] });
  assert.equal(sent.map((m) => m.type), ["websocket.http.response.start", "websocket.http.response.body"]);
});

test("an error while sending closes the file (a client gone mid-body)", async () => {
  const big = join(dir, "big.bin");
  writeFileSync(big, Buffer.alloc(300 * 1024));
  for (const range of [null, "bytes=0-100000", "bytes=0-10,200000-"]) {
    let bodies = 0;
    const error = await rejects(
      new FileResponse(big).call({ type: "http", method: "GET", headers: range ? [["range", range]] : [] }, async () => ({ type: "http.disconnect" }), async (m) => {
        if (m.type === "http.response.body" && ++bodies === 2) throw Object.assign(new Error("Client disconnected"), { code: "ECONNRESET" });
      }),
    );
    assert.is(error.message, "Client disconnected");
  }
});

test("a filename with a lone surrogate is refused at construction, as Python's quote() refuses it", () => {
  let error: unknown;
  try {
    new FileResponse(readme, { filename: "a\udc00.txt" });
  } catch (e) {
    error = e;
  }
  assert.instance(error, TypeError);
});

test.run();
