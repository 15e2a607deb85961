// Shared by the middleware tests: the same case run through Starlette's
// middleware (tests/python/starlette_middleware.py, in-process, no server) and
// through ours, every ASGI message the middleware sends compared: type,
// status, each header in order, body bytes. Gzip bodies compare decompressed,
// and byte for byte where Python's zlib and node's make the same bytes.
import { gunzipSync } from "node:zlib";
import { CORSMiddleware } from "../../src/middleware/cors.js";
import { GZipMiddleware } from "../../src/middleware/gzip.js";
import { HTTPSRedirectMiddleware } from "../../src/middleware/httpsredirect.js";
import { TrustedHostMiddleware } from "../../src/middleware/trustedhost.js";
import type { ASGIAppLike, Message, Scope } from "../../src/types.js";
import { runPython } from "../python.js";

export type MiddlewareName = "cors" | "gzip" | "trustedhost" | "httpsredirect";

/** A message as JSON carries it: headers as latin-1 text, the body as base64. */
export interface WireMessage {
  type: string;
  status?: number;
  headers?: Array<[string, string]>;
  body?: string;
  more_body?: boolean;
  [key: string]: unknown;
}

export interface Case {
  name: string;
  middleware: MiddlewareName;
  /** camelCase, as the TS middleware takes them; sent to Python in snake_case. */
  options?: Record<string, unknown>;
  scope: Partial<Scope> & { headers?: Array<[string, string]> };
  /** What the inner app sends. */
  messages: WireMessage[];
}

export type Outcome = { messages: WireMessage[] } | { error: string };

const snake = (name: string): string => name.replace(/[A-Z]/g, (c) => "_" + c.toLowerCase());

export function pythonOptions(options: Record<string, unknown> = {}): Record<string, unknown> {
  return Object.fromEntries(Object.entries(options).map(([k, v]) => [snake(k), v]));
}

const CLASSES = { cors: CORSMiddleware, gzip: GZipMiddleware, trustedhost: TrustedHostMiddleware, httpsredirect: HTTPSRedirectMiddleware };

function fullScope(scope: Case["scope"]): Scope {
  return { type: "http", method: "GET", scheme: "http", path: "/", raw_path: "/", query_string: "", root_path: "", server: ["testserver", 80], client: ["testclient", 50000], headers: [], ...scope };
}

/** Bodies as bytes, what the TS middleware takes. */
function toAsgi(message: WireMessage): Message {
  const out: Message = { ...message } as Message;
  if (message.body !== undefined) out.body = Buffer.from(message.body, "base64");
  if (message.headers !== undefined) out.headers = message.headers.map(([k, v]) => [k, v]);
  return out;
}

function fromAsgi(message: Message): WireMessage {
  const out: WireMessage = { ...message } as WireMessage;
  if (message.body !== undefined) out.body = Buffer.from(message.body).toString("base64");
  if (message.headers !== undefined) out.headers = message.headers.map(([k, v]) => [k, v]);
  return out;
}

export async function runTs(c: Case): Promise<Outcome> {
  const inner = async (_scope: Scope, _receive: unknown, send: (m: Message) => Promise<void>): Promise<void> => {
    for (const m of c.messages) await send(toAsgi(m));
  };
  const sent: WireMessage[] = [];
  try {
    const Cls = CLASSES[c.middleware] as unknown as new (app: typeof inner, options?: unknown) => ASGIAppLike & { call(...a: unknown[]): Promise<void> };
    const middleware = new Cls(inner, c.options ?? {});
    const receive = async (): Promise<Message> => ({ type: "http.request", body: new Uint8Array(0), more_body: false });
    await middleware.call(fullScope(c.scope), receive, async (m: Message) => void sent.push(fromAsgi(m)));
  } catch (exc) {
    return { error: `${(exc as Error).name}: ${(exc as Error).message}` };
  }
  return { messages: sent };
}

export function runPy(cases: Case[]): Outcome[] {
  const scopes = cases.map((c) => {
    const scope = fullScope(c.scope);
    return { ...c, options: pythonOptions(c.options), scope: { ...scope, query_string: scope.query_string } };
  });
  return runPython<Outcome[]>("starlette_middleware", { cases: scopes });
}

/** The body bytes of every body message, concatenated. */
export function bodyOf(messages: WireMessage[]): Buffer {
  return Buffer.concat(messages.filter((m) => m.type.endsWith("http.response.body")).map((m) => Buffer.from(m.body ?? "", "base64")));
}

function isGzip(messages: WireMessage[]): boolean {
  const start = messages.find((m) => m.type === "http.response.start");
  return (start?.headers ?? []).some(([k, v]) => k === "content-encoding" && v === "gzip");
}

export interface Comparison {
  /** One line per difference; empty when the two agree. */
  diffs: string[];
  /** For a gzip response: whether the compressed bytes were the same too. */
  gzipBytesSame?: boolean;
}

/**
 * How our messages differ from Starlette's. A gzip response's compressed bytes
 * (and so its Content-Length) may differ where node's zlib (Chromium's) picks
 * other matches than CPython's: such bodies compare decompressed, chunk count
 * and flush points included.
 */
export function compareOutcomes(py: Outcome, ts: Outcome): Comparison {
  if ("error" in py || "error" in ts) {
    const a = "error" in py ? `error ${py.error}` : "messages";
    const b = "error" in ts ? `error ${ts.error}` : "messages";
    return { diffs: ("error" in py) === ("error" in ts) ? [] : [`python: ${a}; ts: ${b}`] };
  }
  const diffs: string[] = [];
  const gzip = isGzip(py.messages) && isGzip(ts.messages);
  const gzipBytesSame = gzip ? bodyOf(py.messages).equals(bodyOf(ts.messages)) : undefined;
  if (py.messages.length !== ts.messages.length) diffs.push(`python sent ${py.messages.length} messages, ts ${ts.messages.length}`);
  for (let i = 0; i < Math.min(py.messages.length, ts.messages.length); i++) {
    const a = py.messages[i];
    const b = ts.messages[i];
    if (a.type !== b.type) diffs.push(`message ${i}: type python ${a.type}, ts ${b.type}`);
    if (a.status !== b.status) diffs.push(`message ${i}: status python ${a.status}, ts ${b.status}`);
    if ((a.more_body ?? false) !== (b.more_body ?? false)) diffs.push(`message ${i}: more_body python ${a.more_body}, ts ${b.more_body}`);
    const skipLength = gzip && !gzipBytesSame;
    const headers = (m: WireMessage): string[] => (m.headers ?? []).map(([k, v]) => (skipLength && k === "content-length" ? `${k}: <compressed length>` : `${k}: ${v}`));
    if (JSON.stringify(headers(a)) !== JSON.stringify(headers(b))) diffs.push(`message ${i}: headers\n  python ${JSON.stringify(a.headers)}\n  ts     ${JSON.stringify(b.headers)}`);
    if (!gzip && (a.body ?? "") !== (b.body ?? "")) diffs.push(`message ${i}: body python ${a.body}, ts ${b.body}`);
  }
  if (gzip) {
    const inflate = (m: WireMessage[]): string => gunzipSync(bodyOf(m)).toString("latin1");
    if (inflate(py.messages) !== inflate(ts.messages)) diffs.push("decompressed bodies differ");
  }
  return { diffs, gzipBytesSame };
}

/** Runs every case on both sides; returns one block per case that differs, and the gzip byte tally. */
export async function differ(cases: Case[]): Promise<{ blocks: string[]; gzip: { same: number; total: number } }> {
  const py = runPy(cases);
  const blocks: string[] = [];
  const gzip = { same: 0, total: 0 };
  for (let i = 0; i < cases.length; i++) {
    const { diffs, gzipBytesSame } = compareOutcomes(py[i], await runTs(cases[i]));
    if (gzipBytesSame !== undefined) {
      gzip.total++;
      if (gzipBytesSame) gzip.same++;
    }
    if (diffs.length > 0) blocks.push(`✘ ${cases[i].name}\n  ${diffs.join("\n  ")}`);
  }
  return { blocks, gzip };
}

/** A header list as the inner app sends it. */
export const h = (...pairs: Array<[string, string]>): Array<[string, string]> => pairs;

/** A body message. */
export function body(content: string | Buffer, moreBody = false): WireMessage {
  return { type: "http.response.body", body: Buffer.from(content).toString("base64"), more_body: moreBody };
}

export function start(status: number, headers: Array<[string, string]> = []): WireMessage {
  return { type: "http.response.start", status, headers };
}
