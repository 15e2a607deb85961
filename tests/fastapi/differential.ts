// Differential tests: the same HTTP requests sent to the real FastAPI (uvicorn in the
// repo's .venv-py, apps in tests/python/fastapi_apps) and to a starlette-ts app served
// by serve(); status, headers and bodies compared, every mismatch of a case list in one
// assertion. Bodies compare as JSON by default (1.0 and 1 are equal, key order counts
// except between integer-like keys, which JSON.parse reorders), as JSON lines for
// application/jsonl, as text otherwise; `exact` compares bytes, `compare: "status+loc"`
// only each 422 error's loc and type. Case lists live in cases/<chapter>.ts, one per
// Python twin; differential.test.ts checks each case's `expect` against FastAPI.
import { type ChildProcess, spawn } from "node:child_process";
import { request as httpRequest } from "node:http";
import { availableParallelism } from "node:os";
import { connect, createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Test } from "uvu";
import * as assert from "uvu/assert";
import { serve } from "../../src/server.js";
import type { ASGIAppLike } from "../../src/types.js";
import { PYTHON, requirePython } from "../python.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** The reference stack's interpreter: <repo>/.venv-py/bin/python (FastAPI 0.142, uvicorn 0.54). */
export const VENV_PYTHON = PYTHON;
/** Where the Python twins live: one module per FastAPI tutorial chapter, each with `app`. */
export const PYTHON_APPS = join(ROOT, "tests", "python", "fastapi_apps");

const START_TIMEOUT_MS = 20_000;
const REQUEST_TIMEOUT_MS = 10_000;
const BOUNDARY = "----starlette-ts-differential-boundary";

let venv: boolean | null = null;

/**
 * Whether the differential tests can run: tests/python.ts's requirePython for fastapi
 * and uvicorn, asked once. It prints the versions of the Python stack once per process,
 * skips with a warning when the venv is missing, and throws under CI.
 */
export function requireVenv(): boolean {
  venv ??= requirePython("fastapi", "uvicorn");
  return venv;
}

// ---------------------------------------------------------------------------
// Servers

/** A running server, Python or TS. */
export interface Target {
  /** "python" or "ts", used in mismatch reports. */
  readonly label: string;
  /** e.g. http://127.0.0.1:41234 (no trailing slash). */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** What the server wrote to stdout/stderr (uvicorn's warnings and tracebacks, print()s; serve()'s log lines). */
  logs(): string;
  close(): Promise<void>;
}

const children = new Set<ChildProcess>();
// A test file that dies without closing its servers must not leave uvicorns behind.
process.on("exit", () => {
  for (const child of children) child.kill("SIGKILL");
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Serve tests/python/fastapi_apps/<appModule>.py's `app` with uvicorn from the venv on a
 * free port; resolves once it accepts connections (uvicorn runs the lifespan startup
 * before it binds). Start each app once per test file; several may start in parallel.
 */
export async function startPython(appModule: string): Promise<Target> {
  if (!requireVenv()) throw new Error(`startPython needs ${VENV_PYTHON} with fastapi and uvicorn`);
  let lastError: Error | null = null;
  // The free port is found by binding and releasing it, so another process may take it first: retry.
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await launchUvicorn(appModule, await freePort());
    } catch (err) {
      lastError = err as Error;
      if (!/address already in use|Errno 98/i.test(lastError.message)) break;
    }
  }
  throw lastError as Error;
}

async function launchUvicorn(appModule: string, port: number): Promise<Target> {
  const args = ["-m", "uvicorn", `${appModule}:app`, "--app-dir", PYTHON_APPS, "--host", "127.0.0.1", "--port", String(port), "--log-level", "warning", "--no-access-log"];
  const child = spawn(VENV_PYTHON, args, {
    cwd: ROOT,
    // No __pycache__ beside the twins; print() output reaches logs() at once.
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1", PYTHONUNBUFFERED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  let log = "";
  child.stdout?.on("data", (c: Buffer) => (log += c.toString()));
  child.stderr?.on("data", (c: Buffer) => (log += c.toString()));
  let exited: string | null = null;
  const exit = new Promise<void>((resolve) => {
    child.on("exit", (code, signal) => {
      exited = `exited with ${signal ?? code}`;
      children.delete(child);
      resolve();
    });
  });
  child.on("error", (err) => (exited = `could not start: ${err.message}`));

  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (exited !== null) throw new Error(`uvicorn for ${appModule} ${exited}:\n${log}`);
    if (await accepts(port)) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`uvicorn for ${appModule} did not accept connections on port ${port} within ${START_TIMEOUT_MS / 1000} s:\n${log}`);
    }
    await sleep(50);
  }
  return {
    label: "python",
    url: `http://127.0.0.1:${port}`,
    host: "127.0.0.1",
    port,
    logs: () => log,
    async close() {
      if (exited !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exit;
      clearTimeout(timer);
    },
  };
}

/** Serve a TS app with the core's serve() on a free port, as uvicorn serves the Python twin. */
export async function startTs(app: ASGIAppLike): Promise<Target> {
  let log = "";
  const handle = await serve(app, { host: "127.0.0.1", port: 0, accessLog: false, handleSignals: false, log: (line) => (log += line + "\n") });
  return { label: "ts", url: handle.url.replace(/\/$/, ""), host: "127.0.0.1", port: handle.port, logs: () => log, close: () => handle.close() };
}

/**
 * Start the Python twins of several chapters, at most `availableParallelism()` starting
 * at a time (each uvicorn spends a CPU-second importing FastAPI and pydantic).
 */
export async function startPythonMany(appModules: string[]): Promise<Map<string, Target>> {
  const out = new Map<string, Target>();
  const queue = [...appModules];
  const failures: Error[] = [];
  const worker = async (): Promise<void> => {
    for (let m = queue.shift(); m !== undefined; m = queue.shift()) {
      try {
        out.set(m, await startPython(m));
      } catch (err) {
        failures.push(err as Error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(2, availableParallelism()) }, worker));
  if (failures.length > 0) {
    await Promise.all([...out.values()].map((t) => t.close()));
    throw new Error(failures.map((e) => e.message).join("\n\n"));
  }
  return out;
}

// ---------------------------------------------------------------------------
// Cases and requests

export interface CaseFile {
  /** The multipart field name. */
  field: string;
  filename: string;
  content: string | Uint8Array;
  /** null sends the part without a content-type line. @default "application/octet-stream" */
  contentType?: string | null;
}

/**
 * One request, sent byte for byte the same to both sides, and how to compare the answers.
 * At most one of json, body, form/files. `headers` are sent as listed, duplicates and
 * case included; a content-type or content-length given there replaces the one json,
 * form or files would set. Bodies of POST/PUT/PATCH without content go with
 * `content-length: 0`, never chunked.
 */
export interface Case {
  name: string;
  method: string;
  /** The request target with its query string, sent as is: percent-encode it yourself. */
  path: string;
  headers?: Array<[string, string]>;
  /** Sent as JSON.stringify(json) with content-type application/json. */
  json?: unknown;
  /** Raw bytes (a string is sent as UTF-8); no content-type unless `headers` gives one. */
  body?: string | Uint8Array;
  /** urlencoded, or multipart fields (before the files) when `files` is given. */
  form?: Record<string, string | string[]> | Array<[string, string]>;
  /** Multipart files; `files: []` sends a multipart body with the form fields only. */
  files?: CaseFile[];
  /** Sent as one `cookie: a=1; b=2` header. */
  cookies?: Record<string, string>;
  /** The status FastAPI gives this case (checked against Python by differential.test.ts). */
  expect?: number;
  /**
   * Compare the body byte for byte instead of as JSON. Python's JSON writes floats with
   * a zero fraction as `1.0` where JS writes `1`: an exact case must avoid such floats.
   */
  exact?: boolean;
  /**
   * "status+loc": for a 422 whose messages come from pydantic's constraints (which the
   * TS side words with its own validator): compare status, headers, and of the body only
   * each error's `loc` and `type`. "status": status and headers only.
   */
  compare?: "status+loc" | "status";
  /** Response headers compared by value for this case, beside the always-compared ones. */
  compareHeaders?: string[];
  /** Compare JSON objects whatever the order of their keys (an OpenAPI document). */
  ignoreKeyOrder?: boolean;
  /** Why the TS side cannot match this case: it runs against Python only (status check). */
  pythonOnly?: string;
}

/** The request bytes of a case, the same for both sides but for the Host header. */
export interface RawRequest {
  method: string;
  path: string;
  headers: Array<[string, string]>;
  body: Buffer | null;
}

export interface Reply {
  status: number;
  /** Every header line as received, names lower-cased, duplicates kept. */
  headers: Array<[string, string]>;
  body: Buffer;
  /** Set when the server closed the connection before the body's end (an error mid-stream): why. */
  aborted?: string;
}

function hasHeader(headers: Array<[string, string]>, name: string): boolean {
  return headers.some(([k]) => k.toLowerCase() === name);
}

function formPairs(form: Case["form"]): Array<[string, string]> {
  if (form === undefined) return [];
  if (Array.isArray(form)) return form;
  return Object.entries(form).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x): [string, string] => [k, x]) : [[k, v]]));
}

function multipart(fields: Array<[string, string]>, files: CaseFile[]): Buffer {
  const parts: Buffer[] = [];
  for (const [name, value] of fields) {
    parts.push(Buffer.from(`--${BOUNDARY}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const f of files) {
    const type = f.contentType === null ? "" : `content-type: ${f.contentType ?? "application/octet-stream"}\r\n`;
    const head = `--${BOUNDARY}\r\ncontent-disposition: form-data; name="${f.field}"; filename="${f.filename}"\r\n${type}\r\n`;
    parts.push(Buffer.from(head), Buffer.from(f.content), Buffer.from("\r\n"));
  }
  parts.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(parts);
}

/** The bytes a case sends. Throws on a case that sets two kinds of body. */
export function buildRequest(c: Case): RawRequest {
  const kinds = [c.json !== undefined, c.body !== undefined, c.form !== undefined || c.files !== undefined].filter(Boolean).length;
  if (kinds > 1) throw new Error(`case "${c.name}": give at most one of json, body, form/files`);
  if (c.exact && c.compare) throw new Error(`case "${c.name}": exact and compare: "${c.compare}" contradict each other`);
  const headers: Array<[string, string]> = [...(c.headers ?? [])];
  let body: Buffer | null = null;
  let contentType: string | null = null;
  if (c.json !== undefined) {
    body = Buffer.from(JSON.stringify(c.json));
    contentType = "application/json";
  } else if (c.body !== undefined) {
    body = Buffer.from(c.body);
  } else if (c.files !== undefined) {
    body = multipart(formPairs(c.form), c.files);
    contentType = `multipart/form-data; boundary=${BOUNDARY}`;
  } else if (c.form !== undefined) {
    body = Buffer.from(new URLSearchParams(formPairs(c.form)).toString());
    contentType = "application/x-www-form-urlencoded";
  }
  if (contentType !== null && !hasHeader(headers, "content-type")) headers.push(["content-type", contentType]);
  if (c.cookies !== undefined) headers.push(["cookie", Object.entries(c.cookies).map(([k, v]) => `${k}=${v}`).join("; ")]);
  if (!hasHeader(headers, "content-length") && !hasHeader(headers, "transfer-encoding")) {
    if (body !== null) headers.push(["content-length", String(body.byteLength)]);
    else if (["POST", "PUT", "PATCH"].includes(c.method.toUpperCase())) headers.push(["content-length", "0"]);
  }
  return { method: c.method.toUpperCase(), path: c.path, headers, body };
}

/**
 * Send a case (or prepared request) over a fresh connection with node:http, which keeps
 * header order, case and duplicates as given and adds only Host (when absent) and
 * `connection: close`.
 */
export function send(target: Target, c: Case | RawRequest, timeoutMs = REQUEST_TIMEOUT_MS): Promise<Reply> {
  const raw = "name" in c ? buildRequest(c) : c;
  const headers = hasHeader(raw.headers, "host") ? raw.headers : [["host", `${target.host}:${target.port}`] as [string, string], ...raw.headers];
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: target.host, port: target.port, method: raw.method, path: raw.path, headers: headers.flat(), agent: false, timeout: timeoutMs },
      (res) => {
        const chunks: Buffer[] = [];
        let settled = false;
        // A response cut off after its head still resolves, with `aborted`: both sides may cut alike.
        const finish = (aborted?: string): void => {
          if (settled) return;
          settled = true;
          const out: Array<[string, string]> = [];
          for (let i = 0; i < res.rawHeaders.length; i += 2) out.push([res.rawHeaders[i].toLowerCase(), res.rawHeaders[i + 1]]);
          const reply: Reply = { status: res.statusCode ?? 0, headers: out, body: Buffer.concat(chunks) };
          if (aborted !== undefined) reply.aborted = aborted;
          resolve(reply);
        };
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => finish());
        res.on("error", (err) => finish(err.message));
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no complete answer within ${timeoutMs} ms`)));
    req.on("error", reject);
    req.end(raw.body ?? undefined);
  });
}

// ---------------------------------------------------------------------------
// Comparison

export interface CompareOptions {
  /** Response headers compared by value on every case, beside the always-compared ones. */
  headers?: string[];
  /** Object keys in another order are a mismatch unless this is set. @default false */
  ignoreKeyOrder?: boolean;
}

/** Headers always compared: content-type and these by value, set-cookie by cookie names. */
export const ALWAYS_COMPARED = ["content-type", "allow", "location", "www-authenticate"];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const show = (v: unknown): string => {
  const text = v === undefined ? "(absent)" : JSON.stringify(v);
  return text.length > 300 ? text.slice(0, 300) + "…" : text;
};

const MAX_LINES = 20;

/**
 * Where two JSON values differ, as `path: python X, ts Y` lines. Numbers compare with
 * ===, so the 1.0 Python writes and the 1 JS writes are one value once parsed.
 */
export function jsonDiff(py: unknown, ts: unknown, path = "body", ignoreKeyOrder = false, out: string[] = []): string[] {
  if (out.length >= MAX_LINES) {
    if (out[out.length - 1] !== "…") out.push("…");
    return out;
  }
  const kind = (v: unknown): string => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);
  if (kind(py) !== kind(ts)) {
    out.push(`${path}: python ${show(py)}, ts ${show(ts)}`);
  } else if (Array.isArray(py) && Array.isArray(ts)) {
    if (py.length !== ts.length) out.push(`${path}: python has ${py.length} items, ts ${ts.length}`);
    for (let i = 0; i < Math.min(py.length, ts.length); i++) jsonDiff(py[i], ts[i], `${path}[${i}]`, ignoreKeyOrder, out);
  } else if (kind(py) === "object") {
    const a = py as Record<string, unknown>;
    const b = ts as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const k of keys) {
      const p = /^[A-Za-z_$][\w$]*$/.test(k) ? `${path}.${k}` : `${path}[${JSON.stringify(k)}]`;
      if (!Object.hasOwn(b, k)) out.push(`${p}: python ${show(a[k])}, ts (absent)`);
      else if (!Object.hasOwn(a, k)) out.push(`${p}: python (absent), ts ${show(b[k])}`);
      else jsonDiff(a[k], b[k], p, ignoreKeyOrder, out);
    }
    const shared = Object.keys(a).filter((k) => Object.hasOwn(b, k));
    const tsOrder = Object.keys(b).filter((k) => Object.hasOwn(a, k));
    if (!ignoreKeyOrder && shared.join("\0") !== tsOrder.join("\0")) {
      out.push(`${path}: keys in another order: python ${show(shared)}, ts ${show(tsOrder)}`);
    }
  } else if (py !== ts) {
    out.push(`${path}: python ${show(py)}, ts ${show(ts)}`);
  }
  return out;
}

function headerValues(reply: Reply, name: string): string[] {
  return reply.headers.filter(([k]) => k === name).map(([, v]) => v);
}

function cookieNames(reply: Reply): string[] {
  return headerValues(reply, "set-cookie").map((v) => v.split("=")[0].trim());
}

/** The body as text with the server's own host:port replaced by <host>, so both sides read alike. */
function normalized(body: Buffer, target: Target): string {
  return body.toString("utf8").split(`${target.host}:${target.port}`).join("<host>");
}

function parseJson(text: string): { ok: true; value: Json } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as Json };
  } catch {
    return { ok: false };
  }
}

function isJsonType(contentType: string | undefined): boolean {
  const mime = (contentType ?? "").split(";")[0].trim().toLowerCase();
  return mime === "application/json" || mime.endsWith("+json");
}

function isJsonLines(contentType: string | undefined): boolean {
  const mime = (contentType ?? "").split(";")[0].trim().toLowerCase();
  return mime === "application/jsonl" || mime === "application/x-ndjson" || mime === "application/jsonlines";
}

function textDiff(py: string, ts: string): string[] {
  if (py === ts) return [];
  let i = 0;
  while (i < py.length && py[i] === ts[i]) i++;
  const from = Math.max(0, i - 40);
  return [`body differs from character ${i}: python ${show(py.slice(from, i + 120))}, ts ${show(ts.slice(from, i + 120))}`];
}

/** Only each error's loc and type, for 422s whose messages come from the validators. */
function locsAndTypes(body: Json): Json {
  if (body !== null && typeof body === "object" && !Array.isArray(body) && Array.isArray(body.detail)) {
    return {
      ...body,
      detail: body.detail.map((e) => (e !== null && typeof e === "object" && !Array.isArray(e) ? { loc: e.loc ?? null, type: e.type ?? null } : e)),
    };
  }
  return body;
}

/** Why a case's two answers differ, as lines; empty when they agree. */
export function compareReplies(c: Case, py: Reply, ts: Reply, targets: { py: Target; ts: Target }, options: CompareOptions = {}): string[] {
  const out: string[] = [];
  if (py.status !== ts.status) out.push(`status: python ${py.status}, ts ${ts.status}`);
  if ((py.aborted === undefined) !== (ts.aborted === undefined)) {
    const state = (r: Reply): string => (r.aborted === undefined ? "complete" : `cut off after ${r.body.byteLength} bytes (${r.aborted})`);
    out.push(`response: python ${state(py)}, ts ${state(ts)}`);
  }
  for (const name of [...ALWAYS_COMPARED, ...(options.headers ?? []), ...(c.compareHeaders ?? [])].map((h) => h.toLowerCase())) {
    const a = headerValues(py, name).map((v) => v.split(`${targets.py.host}:${targets.py.port}`).join("<host>"));
    const b = headerValues(ts, name).map((v) => v.split(`${targets.ts.host}:${targets.ts.port}`).join("<host>"));
    if (a.join("\n") !== b.join("\n")) out.push(`header ${name}: python ${show(a.length > 1 ? a : a[0])}, ts ${show(b.length > 1 ? b : b[0])}`);
  }
  const [pyCookies, tsCookies] = [cookieNames(py), cookieNames(ts)];
  if (pyCookies.join("\n") !== tsCookies.join("\n")) out.push(`set-cookie names: python ${show(pyCookies)}, ts ${show(tsCookies)}`);
  if (c.compare === "status") return out;

  const pyText = normalized(py.body, targets.py);
  const tsText = normalized(ts.body, targets.ts);
  if (c.exact) return [...out, ...textDiff(pyText, tsText)];
  const contentType = headerValues(py, "content-type")[0];
  if (c.ignoreKeyOrder) options = { ...options, ignoreKeyOrder: true };
  if (c.compare === "status+loc" || isJsonType(contentType)) {
    const a = parseJson(pyText);
    const b = parseJson(tsText);
    if (!a.ok || !b.ok) return [...out, ...textDiff(pyText, tsText)];
    if (c.compare === "status+loc") return [...out, ...jsonDiff(locsAndTypes(a.value), locsAndTypes(b.value), "body", options.ignoreKeyOrder)];
    return [...out, ...jsonDiff(a.value, b.value, "body", options.ignoreKeyOrder)];
  }
  if (isJsonLines(contentType)) {
    const lines = (t: string): Array<{ ok: true; value: Json } | { ok: false }> => t.split("\n").filter((l) => l !== "").map(parseJson);
    const a = lines(pyText);
    const b = lines(tsText);
    if (a.some((l) => !l.ok) || b.some((l) => !l.ok)) return [...out, ...textDiff(pyText, tsText)];
    const values = (ls: typeof a): Json[] => ls.map((l) => (l.ok ? l.value : null));
    return [...out, ...jsonDiff(values(a), values(b), "lines", options.ignoreKeyOrder)];
  }
  return [...out, ...textDiff(pyText, tsText)];
}

function describe(c: Case): string {
  return `${c.name} (${c.method.toUpperCase()} ${c.path})`;
}

/**
 * Send every case to both sides in order (state carries from case to case, as the
 * tutorial apps keep their fake databases) and return one report block per case that
 * differs. Cases marked `pythonOnly` are left out.
 */
export async function diffCases(cases: Case[], py: Target, ts: Target, options: CompareOptions = {}): Promise<string[]> {
  const blocks: string[] = [];
  for (const c of cases) {
    if (c.pythonOnly !== undefined) continue;
    const raw = buildRequest(c);
    const [a, b] = await Promise.allSettled([send(py, raw), send(ts, raw)]);
    let lines: string[];
    if (a.status === "rejected" || b.status === "rejected") {
      lines = [a, b].flatMap((r, i) => (r.status === "rejected" ? [`${i === 0 ? "python" : "ts"}: request failed: ${(r.reason as Error).message}`] : []));
    } else {
      lines = compareReplies(c, a.value, b.value, { py, ts }, options);
    }
    if (lines.length > 0) blocks.push(`✘ ${describe(c)}\n${lines.map((l) => `    ${l}`).join("\n")}`);
  }
  return blocks;
}

function tail(text: string, max = 4000): string {
  return text.length > max ? "…" + text.slice(-max) : text;
}

/**
 * Compare every case; one assertion lists all mismatches, with what both servers logged
 * meanwhile (tracebacks of 500s).
 */
export async function compare(cases: Case[], py: Target, ts: Target, options: CompareOptions = {}): Promise<void> {
  const pyLogStart = py.logs().length;
  const tsLogStart = ts.logs().length;
  const blocks = await diffCases(cases, py, ts, options);
  if (blocks.length === 0) return;
  const compared = cases.filter((c) => c.pythonOnly === undefined).length;
  let message = `${blocks.length} of ${compared} cases differ between FastAPI (python) and starlette-ts (ts):\n\n${blocks.join("\n\n")}`;
  const pyLog = py.logs().slice(pyLogStart).trim();
  const tsLog = ts.logs().slice(tsLogStart).trim();
  if (pyLog !== "") message += `\n\npython log:\n${tail(pyLog)}`;
  if (tsLog !== "") message += `\n\nts log:\n${tail(tsLog)}`;
  assert.ok(false, message);
}

/**
 * Register a before/after pair and one test on `test` that compares `cases` between the
 * Python twin `python` and the TS app `ts()` builds. Skips (with requireVenv's warning)
 * when the venv is missing outside CI.
 *
 * @example
 * differential(test, { python: "body", ts: () => app, cases });
 * test.run();
 */
export function differential(
  test: Test,
  spec: { python: string; ts: () => ASGIAppLike | Promise<ASGIAppLike>; cases: Case[]; options?: CompareOptions; title?: string },
): void {
  const enabled = requireVenv();
  let py: Target | null = null;
  let ts: Target | null = null;
  test.before(async () => {
    if (!enabled) return;
    [py, ts] = await Promise.all([startPython(spec.python), Promise.resolve(spec.ts()).then(startTs)]);
  });
  test.after(async () => {
    await Promise.all([py?.close(), ts?.close()]);
  });
  test(spec.title ?? `${spec.python}: FastAPI and starlette-ts answer alike`, async () => {
    if (py === null || ts === null) return;
    await compare(spec.cases, py, ts, spec.options);
  });
}
