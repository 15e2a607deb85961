// The fetch adapter's scenario suite: routing, middleware order, sessions (the bytes of
// Starlette's cookies, from tests/vectors), streaming both ways, errors, disconnects,
// background tasks, lifespan and a FastAPI 422. tests/fetch.test.ts runs it on Node's
// own Request/Response; tests/fetch/{bun,deno,workerd}.test.ts over HTTP on each runtime.
import { createHash } from "node:crypto";
import { request as httpRequest } from "node:http";
import type { Test } from "uvu";
import * as assert from "uvu/assert";
import { vectors } from "../vectors.js";
import { SECRETS } from "./app.js";

export interface Transport {
  /** Sends one request; `path` starts with "/". */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** Opens a POST with a body the caller feeds chunk by chunk: for bodies sent while the response streams. */
  open(path: string): Promise<Duplex>;
  /** `scope.server` of the suite's requests. */
  server: [string, number];
  /** Fails unless `scope.client` is what this runtime gives. */
  checkClient(client: unknown): void;
  /** The runtime's Headers hold text, not latin-1 bytes (workerd): a header value that is no UTF-8 is not kept. */
  utf8Headers?: boolean;
  /** False where the runtime does not notice a client that leaves before the response starts, its body sent (workerd). */
  noticesIdleDisconnect?: boolean;
  /** Headers the runtime adds to a response that has none of that name. */
  addedHeaders?: Array<[string, string]>;
}

export interface Duplex {
  write(chunk: string): void;
  end(): void;
  /** The client leaves: the connection is dropped. */
  abort(): void;
  /** Resolves with the response's status once its head has come. */
  status: Promise<number>;
  /** Waits for `length` more characters of the response body. */
  read(length: number): Promise<string>;
  /** Resolves with the rest of the response body once it has ended. */
  rest(): Promise<string>;
}

/** Feeds a Duplex from a stream of decoded text: shared by the in-process and the HTTP transports. */
export class TextPipe {
  private buffered = "";
  private ended = false;
  private wake: (() => void) | null = null;

  push(text: string): void {
    this.buffered += text;
    this.wake?.();
  }

  end(): void {
    this.ended = true;
    this.wake?.();
  }

  async read(length: number): Promise<string> {
    while (this.buffered.length < length && !this.ended) await new Promise<void>((resolve) => (this.wake = resolve));
    const out = this.buffered.slice(0, length);
    this.buffered = this.buffered.slice(length);
    return out;
  }

  async rest(): Promise<string> {
    while (!this.ended) await new Promise<void>((resolve) => (this.wake = resolve));
    return this.buffered;
  }
}

/** A Duplex over node:http: a chunked POST whose body is written while the response is read. */
export function httpDuplex(url: string, headers: Record<string, string> = {}): Promise<Duplex> {
  const pipe = new TextPipe();
  const req = httpRequest(url, { method: "POST", headers: { "content-type": "application/octet-stream", ...headers } });
  const status = new Promise<number>((resolve, reject) => {
    req.on("response", (res) => {
      res.setEncoding("utf8");
      res.on("data", (text: string) => pipe.push(text));
      res.on("end", () => pipe.end());
      res.on("error", () => pipe.end());
      resolve(res.statusCode as number);
    });
    req.on("error", reject);
  });
  status.catch(() => undefined); // an aborted exchange has no status; a caller who waits for one still sees the error
  req.flushHeaders();
  const duplex: Duplex = { write: (chunk) => void req.write(chunk), end: () => void req.end(), abort: () => void req.destroy(), status, read: (n) => pipe.read(n), rest: () => pipe.rest() };
  return Promise.resolve(duplex);
}

const json = async <T = Record<string, unknown>>(response: Response): Promise<T> => JSON.parse(await response.text()) as T;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
let ids = 0;
const newId = (name: string) => `${name}-${process.pid}-${++ids}`;

/** Reads what the apps recorded under `id` (GET /probe, or /raw/... for the bare app's records) until `done` says so. */
async function probe(t: Transport, id: string, done: (value: unknown) => boolean, path = "/probe"): Promise<unknown> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const { value } = await json<{ value: unknown }>(await t.fetch(`${path}?id=${id}`));
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${id}: still ${JSON.stringify(value)} after 10 s`);
    await sleep(20);
  }
}

/** The encode vectors that JavaScript can send as JSON unchanged (no 1.0, no integer-like keys). */
export const ENCODE_CASES = vectors.starlette_cookie_encode.filter(
  (c) => c.starlette_emits && !(c.portability_notes ?? []).some((n: string) => n === "python_json_number_format" || n === "integer_like_keys_order"),
);

/** The decode vectors for the default max_age whose session JSON a JavaScript object holds. */
export const DECODE_CASES = vectors.starlette_cookie_decode.filter((c) => c.max_age === 1209600 && !c.portability_notes && "session" in c.expected);

export function describeScenarios(test: Test, transport: () => Transport): void {
  test("routing: a route, path parameters, a 404 and a 405", async () => {
    const t = transport();
    const hello = await t.fetch("/");
    assert.is(hello.status, 200);
    assert.is(hello.headers.get("content-type"), "text/plain; charset=utf-8");
    assert.is(await hello.text(), "Hello");
    assert.equal(await json(await t.fetch("/items/42")), { item_id: 42 });
    assert.equal(await json(await t.fetch("/files/caf%C3%A9/a%20b.txt")), { name: "café/a b.txt" });
    const missing = await t.fetch("/items/abc");
    assert.is(missing.status, 404);
    assert.is(await missing.text(), "Not Found");
    const wrongMethod = await t.fetch("/", { method: "POST" });
    assert.is(wrongMethod.status, 405);
    assert.is(wrongMethod.headers.get("allow"), "GET, HEAD");
  });

  test("scope: path percent-decoded, raw_path and query_string as sent, headers lowercased latin-1, scheme, server, client", async () => {
    const t = transport();
    // Node's fetch sends a header value's characters as latin-1 bytes: x-latin goes as E9 74 E9, x-utf8 as the UTF-8 of "été".
    const response = await t.fetch("/scope/caf%C3%A9/a%2Fb%20c?x=%C3%A9&y=1&y=2&empty=&flag", {
      headers: { "X-Latin": "\u00e9t\u00e9", "x-utf8": "\u00c3\u00a9t\u00c3\u00a9", "x-multi": "a", "X-Upper": "Value" },
    });
    const scope = await json(response);
    assert.is(scope.method, "GET");
    assert.is(scope.path, "/scope/café/a/b c");
    assert.is(scope.raw_path, "/scope/caf%C3%A9/a%2Fb%20c");
    assert.is(scope.query_string, "x=%C3%A9&y=1&y=2&empty=&flag");
    assert.equal(scope.query, [["x", "é"], ["y", "1"], ["y", "2"], ["empty", ""], ["flag", ""]]);
    assert.is(scope.root_path, "");
    assert.is(scope.scheme, "http");
    assert.is(scope.http_version, "1.1");
    assert.equal(scope.server, t.server);
    t.checkClient(scope.client);
    // Header names lowercased; the value's bytes as latin-1 characters (what types.ts calls a byte string).
    // A runtime that reads header bytes as UTF-8 text has replaced the lone E9 bytes before the app could see them.
    const latin = t.utf8Headers ? "\u00ef\u00bf\u00bdt\u00ef\u00bf\u00bd" : "\u00e9t\u00e9";
    assert.equal(scope.headers, [["x-latin", latin], ["x-multi", "a"], ["x-upper", "Value"], ["x-utf8", "\u00c3\u00a9t\u00c3\u00a9"]]);
  });

  test("a HEAD request gets the head alone", async () => {
    const response = await transport().fetch("/", { method: "HEAD" });
    assert.is(response.status, 200);
    assert.is(response.headers.get("content-type"), "text/plain; charset=utf-8");
    assert.is(await response.text(), "");
  });

  test("middleware order: the stack's, innermost first", async () => {
    // TagMiddleware("outer"), TagMiddleware("inner") from the App's middleware list, then app.middleware("http").
    assert.is((await transport().fetch("/")).headers.get("x-order"), "inner, outer, http");
  });

  test("sessions: the cookies are Starlette's bytes (tests/vectors)", async () => {
    const t = transport();
    assert.ok(ENCODE_CASES.length >= 6, `${ENCODE_CASES.length} encode cases`);
    for (const c of ENCODE_CASES) {
      const i = SECRETS.indexOf(c.secret_key);
      assert.ok(i >= 0, `${c.id}: no mount for its secret`);
      const response = await t.fetch(`/session/${i}/set`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-now": String(c.timestamp) },
        body: c.session_json_text,
      });
      assert.is(response.status, 200, c.id);
      assert.equal(response.headers.getSetCookie(), [c.expected.set_cookie], c.id);
    }
  });

  test("sessions: Starlette's cookies are read as Starlette reads them (tests/vectors)", async () => {
    const t = transport();
    assert.ok(DECODE_CASES.length >= 20, `${DECODE_CASES.length} decode cases`);
    for (const c of DECODE_CASES) {
      const response = await t.fetch(`/session/${SECRETS.indexOf(c.secret_key)}/view`, { headers: { cookie: `session=${c.cookie_value}`, "x-now": String(c.now) } });
      assert.equal((await json(response)).session, c.expected.session, c.id);
      // Starlette 1.x writes no cookie for a session that was only read.
      assert.equal(response.headers.getSetCookie(), [], c.id);
    }
  });

  test("sessions: a counter kept across requests in the cookie", async () => {
    const t = transport();
    let cookie = "";
    for (let n = 1; n <= 3; n++) {
      const response = await t.fetch("/session/1/incr", { headers: { cookie, "x-now": "1700000000" } });
      assert.equal(await json(response), { count: n });
      cookie = (response.headers.getSetCookie()[0] ?? "").split(";")[0];
    }
    // Python's json.dumps of {"count": 3}, base64 with padding, then itsdangerous's timestamp and signature.
    assert.match(cookie, /^session=eyJjb3VudCI6IDN9\.ZVPxAA\.[\w-]{27}$/);
  });

  test("streaming response: the first chunk arrives before the app has written the second", async () => {
    const t = transport();
    const id = newId("gated");
    const response = await t.fetch(`/stream/gated?id=${id}`);
    assert.is(response.status, 200);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const first = await reader.read();
    assert.is(new TextDecoder().decode(first.value), "first\n");
    assert.equal(await json(await t.fetch(`/stream/release?id=${id}`)), { released: true });
    let rest = "";
    for (let r = await reader.read(); !r.done; r = await reader.read()) rest += new TextDecoder().decode(r.value);
    assert.is(rest, "second\n");
  });

  test("streaming response: send() waits while nobody reads (backpressure), then every byte arrives", async () => {
    const t = transport();
    const id = newId("big");
    const chunks = 1024;
    const size = 65536;
    const response = await t.fetch(`/stream/big?id=${id}&chunks=${chunks}&size=${size}`);
    await sleep(300);
    const produced = (await probe(t, id, (v) => typeof v === "number")) as number;
    assert.ok(produced < chunks / 2, `the app ran ahead of the reader: ${produced} of ${chunks} chunks produced`);
    const body = new Uint8Array(await response.arrayBuffer());
    assert.is(body.byteLength, chunks * size);
    for (let i = 0; i < chunks; i++) assert.is(body[i * size + size - 1], i % 256, `chunk ${i}`);
  });

  test("streaming request: each chunk reaches the app as it is sent, and is echoed while the body goes on", async () => {
    const duplex = await transport().open("/echo/stream");
    const pieces = ["one ", "two ", "three ", "four"];
    duplex.write(pieces[0]);
    assert.is(await duplex.status, 200);
    for (let i = 0; i < pieces.length; i++) {
      // The next piece is sent only once this one has come back.
      assert.is(await duplex.read(pieces[i].length), pieces[i]);
      if (i + 1 < pieces.length) duplex.write(pieces[i + 1]);
    }
    duplex.end();
    assert.is(await duplex.rest(), "");
  });

  test("request body: a 3 MiB upload, streamed, arrives whole and in several chunks", async () => {
    const piece = 64 * 1024;
    const whole = new Uint8Array(48 * piece).map((_, i) => (i * 7) % 251);
    let offset = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= whole.byteLength) return controller.close();
        controller.enqueue(whole.slice(offset, (offset += piece)));
      },
    });
    const init = { method: "POST", body, duplex: "half" } as RequestInit;
    const result = await json<{ bytes: number; chunks: number; sha256: string }>(await transport().fetch("/echo", init));
    assert.is(result.bytes, whole.byteLength);
    assert.is(result.sha256, createHash("sha256").update(whole).digest("hex"));
    assert.ok(result.chunks >= 2, `${result.chunks} chunk(s)`);
  });

  test("errors: an endpoint that raises gets Starlette's 500; an HTTPException its status", async () => {
    const t = transport();
    const error = await t.fetch("/error");
    assert.is(error.status, 500);
    assert.is(error.headers.get("content-type"), "text/plain; charset=utf-8");
    assert.is(await error.text(), "Internal Server Error");
    const teapot = await t.fetch("/teapot");
    assert.is(teapot.status, 418);
    assert.is(await teapot.text(), "I'm a Teapot");
  });

  test("errors: a bare ASGI app that fails before its body gets the adapter's plain 500", async () => {
    const t = transport();
    assert.is(await (await t.fetch("/raw/hello")).text(), "raw");
    for (const path of ["/raw/raise", "/raw/start-raise", "/raw/nothing"]) {
      const response = await t.fetch(path);
      assert.is(response.status, 500, path);
      assert.is(response.headers.get("content-type"), "text/plain; charset=utf-8", path);
      assert.is(await response.text(), "Internal Server Error", path);
    }
  });

  test("errors: an app that fails once its body has started cuts the response short", async () => {
    const t = transport();
    for (const path of ["/raw/mid-raise", "/raw/incomplete"]) {
      // The runtime may have sent the head and the first chunk, or nothing yet: either way the response is not complete.
      const outcome = await t.fetch(path).then(
        (response) => response.text().then(() => `complete with ${response.status}`, () => "cut"),
        () => "cut",
      );
      assert.is(outcome, "cut", path);
    }
  });

  test("disconnect: a client gone mid-body: receive() gives http.disconnect, and a send after it rejects", async () => {
    const t = transport();
    const id = newId("mid-body");
    const duplex = await t.open(`/raw/wait-disconnect?id=${id}`);
    duplex.write("the start of a body that never ends");
    await probe(t, id, (v) => v !== null); // the app has the first chunk and waits for more
    duplex.abort();
    const seen = await probe(t, id, (v) => (v as { received?: string }).received !== undefined);
    assert.equal(seen, { received: "http.disconnect", send: "ClientDisconnected", code: "ECONNRESET" });
  });

  test("disconnect: a client gone while the app waits after the body", async () => {
    const t = transport();
    if (t.noticesIdleDisconnect === false) return; // see the runtime's docs page
    const id = newId("wait");
    const abort = new AbortController();
    const pending = t.fetch(`/raw/wait-disconnect?id=${id}`, { signal: abort.signal }).catch(() => null);
    await probe(t, id, (v) => v !== null);
    abort.abort();
    await pending;
    const seen = await probe(t, id, (v) => (v as { received?: string }).received !== undefined);
    assert.equal(seen, { received: "http.disconnect", send: "ClientDisconnected", code: "ECONNRESET" });
  });

  test("disconnect while streaming: the next send rejects with ClientDisconnected", async () => {
    const t = transport();
    const id = newId("drip");
    const abort = new AbortController();
    const response = await t.fetch(`/raw/drip?id=${id}`, { signal: abort.signal });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    assert.is(new TextDecoder().decode((await reader.read()).value).slice(0, 8), "chunk 0\n");
    await reader.cancel();
    abort.abort();
    assert.equal(await probe(t, id, (v) => v !== null), { send: "ClientDisconnected", code: "ECONNRESET" });
  });

  test("background task: runs after the response has been sent", async () => {
    const t = transport();
    const id = newId("bg");
    const response = await t.fetch(`/background?id=${id}`);
    assert.equal(await json(response), { queued: id });
    // The task has begun, and waits for the release: the response did not wait for it.
    assert.is(await probe(t, id, (v) => v !== null), "started");
    await t.fetch(`/stream/release?id=${id}`);
    assert.is(await probe(t, id, (v) => v === "done"), "done");
  });

  test("lifespan: started once, on the first request; its state reaches every request", async () => {
    const t = transport();
    for (let i = 0; i < 3; i++) assert.equal(await json(await t.fetch("/lifespan")), { startups: 1, greeting: "hello from lifespan" });
  });

  test("FastAPI: a valid body, a 422 with FastAPI's detail, a 404 (served with root_path /fastapi)", async () => {
    const t = transport();
    const post = (body: unknown) => t.fetch("/fastapi/items/", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const ok = await post({ name: "Foo", price: 35.4 });
    assert.is(ok.status, 200);
    assert.equal(await json(ok), { name: "Foo", price: 35.4, tax: null });
    const invalid = await post({ name: 1 });
    assert.is(invalid.status, 422);
    assert.is(invalid.headers.get("content-type"), "application/json");
    assert.equal(await json(invalid), {
      detail: [
        { type: "string_type", loc: ["body", "name"], msg: "Input should be a valid string", input: 1 },
        { type: "missing", loc: ["body", "price"], msg: "Field required", input: { name: 1 } },
      ],
    });
    const missing = await t.fetch("/fastapi/nowhere");
    assert.is(missing.status, 404);
    assert.equal(await json(missing), { detail: "Not Found" });
  });

  test("response headers: two Set-Cookie kept apart, a header value's bytes as the app gave them", async () => {
    const t = transport();
    const response = await t.fetch("/cookies");
    assert.equal(response.headers.getSetCookie(), ["a=1; Path=/; SameSite=lax", "b=2; HttpOnly; Path=/; SameSite=lax"]);
    // Node's fetch reads header bytes as latin-1 characters.
    assert.is(response.headers.get("x-utf8"), "\u00c3\u00a9t\u00c3\u00a9");
    assert.is(response.headers.get("x-latin"), t.utf8Headers ? "\u00ef\u00bf\u00bdt\u00ef\u00bf\u00bd" : "\u00e9t\u00e9");
  });
}

/** Requests whose whole answers (status, headers, body) must not depend on the runtime. */
export const EXCHANGES: Array<[path: string, init?: RequestInit]> = [
  ["/"],
  ["/", { method: "HEAD" }],
  ["/", { method: "POST" }],
  ["/items/7"],
  ["/items/seven"],
  ["/teapot"],
  ["/error"],
  ["/cookies"],
  ...ENCODE_CASES.map((c): [string, RequestInit] => [
    `/session/${SECRETS.indexOf(c.secret_key)}/set`,
    { method: "POST", headers: { "content-type": "application/json", "x-now": String(c.timestamp) }, body: c.session_json_text },
  ]),
  ["/session/0/incr", { headers: { "x-now": "1700000001" } }],
  [
    `/session/${SECRETS.indexOf(ENCODE_CASES[0].secret_key)}/incr`,
    { headers: { "x-now": String(ENCODE_CASES[0].timestamp + 10), cookie: `session=${ENCODE_CASES[0].expected.cookie_value}` } },
  ],
  ["/fastapi/items/", { method: "POST", headers: { "content-type": "application/json" }, body: '{"name": "Foo", "price": 1e3, "tax": -0.5}' }],
  ["/fastapi/items/", { method: "POST", headers: { "content-type": "application/json" }, body: '{"name": ' }],
  ["/fastapi/items/", { method: "POST", headers: { "content-type": "text/plain" }, body: "name=x" }],
  ["/raw/hello"],
  ["/raw/raise"],
  ["/raw/nothing"],
];

// What a server adds or frames by itself, not the app.
const TRANSPORT_HEADERS = new Set(["date", "connection", "keep-alive", "transfer-encoding", "server"]);

/** A response as plain data: status, the app's headers, the body's bytes. */
export async function answer(response: Response): Promise<{ status: number; headers: Array<[string, string]>; body: string }> {
  const headers = [...response.headers].filter(([name]) => !TRANSPORT_HEADERS.has(name));
  return { status: response.status, headers, body: Buffer.from(await response.arrayBuffer()).toString("latin1") };
}

export function describeSameAnswers(test: Test, transport: () => Transport, reference: () => Transport): void {
  test("every answer is the Node run's, byte for byte", async () => {
    for (const [path, init] of EXCHANGES) {
      const where = `${init?.method ?? "GET"} ${path}`;
      const expected = await answer(await reference().fetch(path, init));
      const actual = await answer(await transport().fetch(path, init));
      // A server frames a body the app gave no length for with one of its own.
      if (!expected.headers.some(([name]) => name === "content-length")) actual.headers = actual.headers.filter(([name]) => name !== "content-length");
      for (const [name, value] of transport().addedHeaders ?? []) {
        if (!expected.headers.some(([n]) => n === name)) actual.headers = actual.headers.filter(([n, v]) => n !== name || v !== value);
      }
      // Bytes that are no UTF-8 do not survive a runtime whose headers are text (the header test above says how).
      if (transport().utf8Headers) for (const a of [actual, expected]) a.headers = a.headers.filter(([name]) => name !== "x-latin");
      assert.equal(actual, expected, where);
    }
  });
}
