// No Python counterpart: StaticFiles and FileResponse (ranges, conditional requests,
// hostile paths, content types, html mode) against the real Starlette under uvicorn
// (tests/python/fastapi_apps/_starlette_staticfiles.py) on one directory both serve.
// Every header but the servers' own (date, server, connection...) is compared in
// order, bodies byte for byte once each side's multipart boundary is set aside.
// The TS side runs with its file cache on, every case twice: the cache must not
// show. The Starlette version is printed by the harness.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { App } from "../src/applications.js";
import { FileCache } from "../src/_file_cache.js";
import { FileResponse } from "../src/responses.js";
import type { Request } from "../src/requests.js";
import { Mount, Route } from "../src/routing.js";
import { StaticFiles } from "../src/staticfiles.js";
import { type RawRequest, type Reply, requireVenv, send, startPython, startTs, type Target } from "./fastapi/differential.js";

const README = "# BáiZé\n\nPowerful and exquisite WSGI/ASGI framework/toolkit.\n\n".repeat(8);
const BIG = Buffer.from(Array.from({ length: 200 * 1024 }, (_, i) => (i * 7919) % 251));

/** The tree both servers serve: statics/ (files, links, html pages), linked -> statics, and one file outside. */
function makeTree(): string {
  const dir = mkdtempSync(join(tmpdir(), "starlette-ts-static-diff-"));
  const statics = join(dir, "statics");
  mkdirSync(join(statics, "dir"), { recursive: true });
  mkdirSync(join(statics, "noindex"));
  mkdirSync(join(dir, "outside-dir"));
  const files: Record<string, string | Buffer> = {
    "example.txt": "<file content>",
    "README.txt": README,
    "big.bin": BIG,
    "empty.txt": "",
    "404.html": "<h1>Custom not found page</h1>",
    "index.html": "<h1>Root</h1>",
    "dir/index.html": "<h1>Hello</h1>",
    "app.js": "console.log(1)",
    "style.css": "body{}",
    "logo.png": "png",
    "photo.webp": "webp",
    "archive.tar.gz": "gz",
    "data.JSON": "{}",
    "noext": "x",
    "sp ace.txt": "space",
    "ünï.txt": "unicode",
    "a%20b.txt": "percent",
  };
  for (const [name, content] of Object.entries(files)) writeFileSync(join(statics, name), content);
  writeFileSync(join(dir, "outside.txt"), "outside the directory");
  writeFileSync(join(dir, "outside-dir", "secret.txt"), "secret");
  symlinkSync(join(dir, "outside.txt"), join(statics, "link-out.txt"));
  symlinkSync("example.txt", join(statics, "link-in.txt"));
  symlinkSync(join(dir, "outside-dir"), join(statics, "linkdir"));
  symlinkSync("loop-b", join(statics, "loop-a"));
  symlinkSync("loop-a", join(statics, "loop-b"));
  symlinkSync(statics, join(dir, "linked"));
  return dir;
}

function tsApp(dir: string): App {
  const statics = join(dir, "statics");
  const file = (request: Request) => {
    const q = request.queryParams;
    const etag = q.get("etag");
    return new FileResponse(join(statics, request.pathParams.name as string), {
      statusCode: Number(q.get("status") ?? "200"),
      headers: etag !== null ? { etag } : undefined,
      filename: q.get("filename"),
      contentDispositionType: q.get("disposition") ?? "attachment",
    });
  };
  return new App({
    routes: [
      new Route("/file/{name:path}", file),
      new Mount("/static", { app: new StaticFiles({ directory: statics }), name: "static" }),
      new Mount("/html", { app: new StaticFiles({ directory: statics, html: true }) }),
      new Mount("/follow", { app: new StaticFiles({ directory: statics, followSymlink: true }) }),
      new Mount("/linked", { app: new StaticFiles({ directory: join(dir, "linked") }) }),
    ],
  });
}

interface Case {
  method?: string;
  path: string;
  headers?: Array<[string, string]>;
}

const req = (path: string, headers: Array<[string, string]> = [], method = "GET"): Case => ({ method, path, headers });
const range = (path: string, value: string, extra: Array<[string, string]> = []): Case => req(path, [["range", value], ...extra]);

const OWN_HEADERS = new Set(["date", "server", "connection", "keep-alive", "transfer-encoding"]);

/** status, headers (the servers' own left out) and body, each side's multipart boundary and address set aside. */
function normalize(reply: Reply, target: Target): string {
  const type = reply.headers.find(([k]) => k === "content-type")?.[1] ?? "";
  const boundary = /boundary=([0-9a-f]+)$/.exec(type)?.[1];
  const unbound = (text: string): string => (boundary === undefined ? text : text.split(boundary).join("BOUNDARY")).split(`${target.host}:${target.port}`).join("<host>");
  const headers = reply.headers.filter(([k]) => !OWN_HEADERS.has(k)).map(([k, v]) => `${k}: ${unbound(v)}`);
  return [String(reply.status), ...headers, "", unbound(reply.body.toString("latin1"))].join("\n");
}

let compared = 0;

async function diff(cases: Case[], py: Target, ts: Target, passes = 2): Promise<string[]> {
  const problems: string[] = [];
  compared += cases.length * passes;
  for (let pass = 0; pass < passes; pass++) {
    for (const c of cases) {
      const raw: RawRequest = { method: c.method ?? "GET", path: c.path, headers: c.headers ?? [], body: null };
      const [a, b] = [normalize(await send(py, raw), py), normalize(await send(ts, raw), ts)];
      if (a !== b) problems.push(`✘ ${raw.method} ${c.path} ${JSON.stringify(c.headers ?? [])} (pass ${pass + 1})\n--- python\n${a.slice(0, 1500)}\n--- ts\n${b.slice(0, 1500)}`);
    }
  }
  return problems;
}

let dir = "";
let py: Target | null = null;
let ts: Target | null = null;
const settle = FileCache.settleMs;

test.before(async () => {
  // Bytes are kept from the first read: the test files are a few ms old when they are served.
  FileCache.settleMs = 0;
  if (!requireVenv()) return;
  dir = makeTree();
  process.env.STARLETTE_TS_STATIC_DIR = dir;
  [py, ts] = await Promise.all([startPython("_starlette_staticfiles"), startTs(tsApp(dir))]);
});

test.after(async () => {
  if (compared > 0) console.log(`(static files: ${compared} requests sent to Starlette and to starlette-ts, compared)`);
  FileCache.settleMs = settle;
  await Promise.all([py?.close(), ts?.close()]);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("files, methods and content types", async () => {
  if (py === null || ts === null) return;
  const cases: Case[] = [
    req("/static/example.txt"),
    req("/static/example.txt", [], "HEAD"),
    req("/static/example.txt", [], "POST"),
    req("/static/example.txt", [], "PUT"),
    req("/static/example.txt", [], "DELETE"),
    req("/static/example.txt", [], "OPTIONS"),
    req("/static/example.txt?query=1"),
    req("/static/big.bin"),
    req("/static/empty.txt"),
    req("/static/missing.txt"),
    req("/static/example.txt/foo"),
    req("/static/"),
    req("/static"),
    req("/static/dir"),
    req("/static/dir/"),
    req("/static/dir/index.html"),
    ...["app.js", "style.css", "logo.png", "photo.webp", "archive.tar.gz", "data.JSON", "noext", "sp%20ace.txt", "%C3%BCn%C3%AF.txt", "a%2520b.txt", "index.html"].map((f) => req(`/static/${f}`)),
    req("/static/./example.txt"),
    req("/static/dir/../example.txt"),
    req("/static//example.txt"),
    req("/linked/example.txt"),
    req("/static/link-in.txt"),
  ];
  const problems = await diff(cases, py, ts);
  assert.ok(problems.length === 0, problems.join("\n"));
});

test("hostile paths: a 404 (never a file outside the directory), or Starlette's own answer", async () => {
  if (py === null || ts === null) return;
  const cases: Case[] = [
    "/static/../outside.txt",
    "/static/../../../../etc/passwd",
    "/static/%2e%2e/outside.txt",
    "/static/%2E%2E%2Foutside.txt",
    "/static/..%2foutside.txt",
    "/static/..%2F..%2F..%2Fetc%2Fpasswd",
    "/static/....//outside.txt",
    "/static/.../outside.txt",
    "/static//etc/passwd",
    "/static/%2fetc%2fpasswd",
    "/static/%2F%2Fetc/passwd",
    "/static/..\\outside.txt",
    "/static/%5c..%5coutside.txt",
    "/static/..%5c..%5cetc%5cpasswd",
    "/static/example%00.txt",
    "/static/%00",
    "/static/%00/../outside.txt",
    "/static/%c0%ae%c0%ae/outside.txt",
    "/static/%ff%fe.txt",
    "/static/%e2%80%ae.txt",
    `/static/${"a".repeat(300)}.txt`,
    `/static/${"a/".repeat(2100)}x.txt`,
    "/static/link-out.txt",
    "/static/linkdir/secret.txt",
    "/static/linkdir/../outside.txt",
    "/follow/link-out.txt",
    "/follow/linkdir/secret.txt",
    "/follow/../outside.txt",
    "/follow/%2e%2e/outside.txt",
    "/static/loop-a",
    "/html/../outside.txt",
    "/html/%2e%2e/",
    "/html/..",
    "/linked/../outside.txt",
  ].map((p) => req(p));
  const problems = await diff(cases, py, ts);
  assert.ok(problems.length === 0, problems.join("\n"));
  // Beside agreeing with Starlette: not one byte from outside, unless a link is followed on purpose.
  for (const c of cases.filter((c) => !c.path.startsWith("/follow/") || c.path.includes("%2e") || c.path.includes(".."))) {
    const reply = await send(ts, { method: "GET", path: c.path, headers: [], body: null });
    assert.ok([404, 500].includes(reply.status), `${c.path}: ${reply.status}`);
    assert.not.match(reply.body.toString("latin1"), /outside the directory|secret/, c.path);
  }
});

test("html mode: index.html, the trailing-slash redirect, 404.html", async () => {
  if (py === null || ts === null) return;
  const cases: Case[] = [
    req("/html/"),
    req("/html"),
    req("/html/dir"),
    req("/html/dir?x=1&y=2"),
    req("/html/dir/"),
    req("/html/dir/", [], "HEAD"),
    req("/html/dir/index.html"),
    req("/html/noindex"),
    req("/html/noindex/"),
    req("/html/missing"),
    req("/html/missing", [], "HEAD"),
    req("/html/missing", [], "POST"),
    req("/html/dir", [["host", "example.com:8080"]]),
    req("/html/dir", [["x-forwarded-proto", "https"]]),
  ];
  const problems = await diff(cases, py, ts);
  assert.ok(problems.length === 0, problems.join("\n"));
});

test("conditional requests: If-None-Match, If-Modified-Since", async () => {
  if (py === null || ts === null) return;
  const first = await send(py, { method: "GET", path: "/static/example.txt", headers: [], body: null });
  const etag = first.headers.find(([k]) => k === "etag")?.[1] as string;
  const modified = first.headers.find(([k]) => k === "last-modified")?.[1] as string;
  const date = new Date(modified);
  const earlier = new Date(date.getTime() - 86_400_000).toUTCString();
  const later = new Date(date.getTime() + 86_400_000).toUTCString();
  const [, dd, mon, yyyy, time] = modified.split(" ");
  const cases: Case[] = [
    ...[etag, `W/${etag}`, `"123", ${etag}`, `"123",\tW/${etag}`, '"123"', "*", " * ", "", ",", etag.slice(0, -1), `${etag};`, etag.toUpperCase()].map((v) => req("/static/example.txt", [["if-none-match", v]])),
    ...[modified, earlier, later, "garbage", "", `${dd}-${mon}-${yyyy.slice(2)} ${time} GMT`, `${mon} ${dd} ${time} ${yyyy}`, `${dd} ${mon} ${yyyy} ${time} +0500`, `Thu, ${dd} ${mon} ${yyyy} ${time.replace(/:/g, ".")}`, "Thu, 01 Jan 99999999999999999999 00:00:00 GMT", "Thu, 01 Jan 1970"].map((v) =>
      req("/static/example.txt", [["if-modified-since", v]]),
    ),
    req("/static/example.txt", [["if-none-match", '"123"'], ["if-modified-since", modified]]),
    req("/static/example.txt", [["if-none-match", etag], ["if-modified-since", earlier]]),
    req("/static/example.txt", [["if-none-match", etag]], "HEAD"),
    req("/html/missing", [["if-none-match", "*"]]),
    req("/html/dir/", [["if-none-match", "*"]]),
    req("/static/example.txt", [["if-none-match", "*"], ["range", "bytes=0-1"]]),
  ];
  const problems = await diff(cases, py, ts);
  assert.ok(problems.length === 0, problems.join("\n"));
});

test("byte ranges: single, multiple, merged, suffix, malformed, huge, too many", async () => {
  if (py === null || ts === null) return;
  const f = "/file/README.txt";
  const values = [
    "bytes=0-100", "bytes=0-100, 200-300", "bytes: 0-1000", "bytes=0-9999", `bytes=${README.length + 10}-`, "items=0-100", "bytes=", "bytes=100-0",
    "bytes=0-100, 50-200", "bytes=100-200, 0-50", "bytes=100, 0-50", "bytes= - , 0-50", "bytes=abc-def, 0-50", "bytes=-100", "bytes=-1000", "bytes=5-5", "bytes=5-4",
    "bytes=0-99999999999999999999999", "bytes=99999999999999999999-", "bytes=-99999999999999999999", `bytes=0-${"9".repeat(4300)}`, `bytes=0-${"9".repeat(4301)}`,
    `bytes=0-${"9".repeat(4301)}, 3-4`, "bytes=1_0-2_0", "bytes=+5-10", "bytes=5--3", "bytes=--5", "bytes=-0", "bytes=0-0", "bytes=0-", "bytes=-", "bytes=,", "bytes=0-1,,2-3",
    "bytes=0-10,5-15,12-20", "bytes=0-9,10-19", "bytes=0-9,11-19", "bytes=200-300,0-10,100-110", "bytes=0-1,0-1,0-1", "BYTES=0-5", " bytes =0-5", "bytes=0-5;x", "bytes=\t0-5\t",
    "bytes=0-5\xa0", "bytes=0x10-20", "bytes=1e2-300", "bytes=\xd9\xa3-5", "bytes =0-5", "bytes=0-5, 600-700", "bytes=600-700, 0-5", "=0-5", "bytes", "",
    `bytes=${Array.from({ length: 100 }, (_, i) => `${i * 5}-${i * 5 + 1}`).join(",")}`,
    `bytes=${Array.from({ length: 101 }, (_, i) => `${i * 5}-${i * 5 + 1}`).join(",")}`,
    `bytes=${",".repeat(100)}0-5`,
  ];
  const cases: Case[] = [
    ...values.map((v) => range(f, v)),
    ...values.slice(0, 12).map((v) => ({ ...range(f, v), method: "HEAD" })),
    range("/file/big.bin", "bytes=0-70000,140000-"),
    range("/file/big.bin", "bytes=65535-65537"),
    range("/file/big.bin", "bytes=-70000"),
    range("/file/big.bin", "bytes=1000-140000"),
    range("/file/empty.txt", "bytes=0-0"),
    range("/file/empty.txt", "bytes=-5"),
    range("/file/empty.txt", "bytes=0-"),
    range("/file/README.txt?status=404", "bytes=0-5"),
    range("/file/README.txt?status=203", "bytes=0-5"),
    range("/file/README.txt?etag=%22custom%22", "bytes=0-5", [["if-range", '"custom"']]),
    range("/file/README.txt?etag=%22custom%22", "bytes=0-5", [["if-range", '"other"']]),
    range("/file/README.txt?etag=%22custom%22", "bytes=0-5", [["if-range", 'W/"custom"']]),
    range("/static/README.txt", "bytes=0-5, 10-15"),
    range("/static/README.txt", "bytes=-5", [["if-range", "Thu, 01 Jan 1970 00:00:00 GMT"]]),
    range("/html/dir/", "bytes=0-3"),
    range("/html/missing", "bytes=0-3"),
    req(f, [["range", "bytes=0-1"], ["range", "bytes=2-3"]]),
  ];
  const problems = await diff(cases, py, ts);
  assert.ok(problems.length === 0, problems.join("\n"));
});

test("If-Range with the file's own validators", async () => {
  if (py === null || ts === null) return;
  const first = await send(py, { method: "GET", path: "/static/README.txt", headers: [], body: null });
  const etag = first.headers.find(([k]) => k === "etag")?.[1] as string;
  const modified = first.headers.find(([k]) => k === "last-modified")?.[1] as string;
  const cases = [etag, modified, etag.slice(0, -1), `W/${etag}`, modified.toLowerCase()].flatMap((v) => [
    range("/static/README.txt", "bytes=0-5", [["if-range", v]]),
    range("/file/README.txt", "bytes=3-8,20-30", [["if-range", v]]),
  ]);
  const problems = await diff(cases, py, ts);
  assert.ok(problems.length === 0, problems.join("\n"));
});

test("Content-Disposition: filename, RFC 5987, inline", async () => {
  if (py === null || ts === null) return;
  const names = ["hello.txt", "%E4%BD%A0%E5%A5%BD.txt", "a%20b.txt", "a/b.txt", "a%22b.txt", "a;b.txt", "%C3%BC.png", "x.tar.gz", "noext", "~a-b_c.d"];
  const cases: Case[] = [
    ...names.map((n) => req(`/file/example.txt?filename=${n}`)),
    req("/file/example.txt?filename=hello.txt&disposition=inline"),
    req("/file/example.txt?filename=%E4%BD%A0.txt&disposition=inline"),
    req("/file/example.txt?filename="),
  ];
  const problems = await diff(cases, py, ts);
  assert.ok(problems.length === 0, problems.join("\n"));
});

test("a directory the server may not enter: 401, as Starlette", async () => {
  if (py === null || ts === null) return;
  // Root passes every permission check: there is nothing to compare then.
  if (process.getuid?.() === 0) return;
  const locked = join(dir, "statics", "locked");
  mkdirSync(locked);
  writeFileSync(join(locked, "x.txt"), "x");
  chmodSync(locked, 0);
  try {
    const problems = await diff([req("/static/locked/x.txt"), req("/html/locked/")], py, ts);
    assert.ok(problems.length === 0, problems.join("\n"));
  } finally {
    chmodSync(locked, 0o700);
  }
});

test.run();
