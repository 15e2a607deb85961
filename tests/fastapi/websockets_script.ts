// No Python counterpart: a websocket client script, run against a TS app with starlette-ts's
// TestClient here and against its Python twin with Starlette's TestClient by
// tests/python/run_example.py (run_script, this file's twin), so that both sides see the same
// steps and what each client saw can be compared: messages, close codes and reasons, denials.
import { TestClient, WebSocketDenialResponse, type RequestOptions, type WebSocketTestSession } from "../../src/testclient.js";
import { WebSocketDisconnect } from "../../src/websockets.js";
import type { ASGIAppLike } from "../../src/types.js";
import { requirePython, runPython } from "../python.js";

/** An HTTP request as run_example.py takes it: a path (a GET) or httpx's keywords. */
export type HttpRequest = string | ({ method?: string; path: string } & RequestOptions);

/** One step: an HTTP request, a connection opened or left (`exit`), or a session's send/receive. */
export type Step =
  | { http: HttpRequest }
  | { connect: string; path: string; headers?: Record<string, string>; cookies?: Record<string, string>; subprotocols?: string[] }
  | { exit: string }
  | { ws: string; send_text: string }
  | { ws: string; send_json: unknown }
  | { ws: string; send_bytes: string }
  | { ws: string; close: number | null; reason?: string }
  | { ws: string; receive_text: true }
  | { ws: string; receive_json: true }
  | { ws: string; receive_bytes: true }
  | { ws: string; receive: true };

/** What the client saw at one step. */
export type Outcome = Record<string, unknown>;

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString("latin1");

function jsonable(value: unknown): unknown {
  if (value instanceof Uint8Array) return latin1(value);
  if (Array.isArray(value)) return value.map(jsonable);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonable(v)]));
  return value;
}

function failure(exc: unknown): Outcome {
  if (exc instanceof WebSocketDenialResponse) return { denial: { status: exc.statusCode, body: exc.text } };
  if (exc instanceof WebSocketDisconnect) return { disconnect: { code: exc.code, reason: jsonable(exc.reason) } };
  return { error: (exc as Error).name };
}

async function wsStep(session: WebSocketTestSession, step: Step): Promise<Outcome> {
  if ("send_text" in step) session.sendText(step.send_text);
  else if ("send_json" in step) session.sendJson(step.send_json);
  else if ("send_bytes" in step) session.sendBytes(Buffer.from(step.send_bytes, "latin1"));
  else if ("close" in step) session.close(step.close ?? 1000, step.reason ?? null);
  else if ("receive_text" in step) return { text: await session.receiveText() };
  else if ("receive_json" in step) return { json: await session.receiveJson() };
  else if ("receive_bytes" in step) return { bytes: latin1(await session.receiveBytes()) };
  else if ("receive" in step) return { message: jsonable(await session.receive()) };
  return { ok: true };
}

/** What a script gave: one outcome per step, and what the app printed (console.log) meanwhile. */
export interface ScriptResult {
  script: Outcome[];
  printed: string;
}

/** Run `steps` with one client (one cookie jar), as run_example.py's run_script does. */
export async function runScript(client: TestClient, steps: Step[]): Promise<ScriptResult> {
  const printed: string[] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => void printed.push(args.map(String).join(" ") + "\n");
  try {
    return { script: await scriptOutcomes(client, steps), printed: printed.join("") };
  } finally {
    console.log = log;
  }
}

async function scriptOutcomes(client: TestClient, steps: Step[]): Promise<Outcome[]> {
  const sessions = new Map<string, WebSocketTestSession | null>();
  const outcomes: Outcome[] = [];
  for (const step of steps) {
    if ("http" in step) {
      const request = typeof step.http === "string" ? { path: step.http } : step.http;
      const { method = "GET", path, ...options } = request;
      const response = await client.request(method, path, options);
      outcomes.push({ http: { status: response.statusCode, body: response.text } });
      continue;
    }
    if ("connect" in step) {
      const { connect, path, ...options } = step;
      try {
        const session = await client.websocketConnect(path, options);
        sessions.set(connect, session);
        outcomes.push({ accepted: true, subprotocol: session.acceptedSubprotocol, headers: session.extraHeaders });
      } catch (exc) {
        outcomes.push(failure(exc));
        sessions.set(connect, null);
      }
      continue;
    }
    const name = "exit" in step ? step.exit : step.ws;
    const session = sessions.get(name);
    if (!session) {
      outcomes.push({ skipped: true });
      continue;
    }
    if ("exit" in step) {
      sessions.set(name, null);
      try {
        await session.exit();
        outcomes.push({ ok: true });
      } catch (exc) {
        outcomes.push(failure(exc));
      }
      continue;
    }
    try {
      outcomes.push(await wsStep(session, step));
    } catch (exc) {
      outcomes.push(failure(exc));
      sessions.set(name, null);
      await session.exit().catch(() => undefined);
    }
  }
  for (const session of sessions.values()) await session?.exit().catch(() => undefined);
  return outcomes;
}

/** The same scripts, each on a new client of `app`. */
export async function runScripts(app: ASGIAppLike, scripts: Step[][]): Promise<ScriptResult[]> {
  const out: ScriptResult[] = [];
  for (const steps of scripts) out.push(await runScript(new TestClient(app, { raiseServerExceptions: false }), steps));
  return out;
}

/**
 * Every script of every module through the Python twins, one Python process (each script on a
 * fresh client of its module, as runScripts does); null without the venv.
 */
export function pythonScripts(modules: Array<{ module: string; scripts: Step[][] }>): ScriptResult[][] | null {
  if (!requirePython("fastapi", "starlette", "httpx")) return null;
  const spec = { modules: modules.flatMap(({ module, scripts }) => scripts.map((steps) => ({ module, requests: [{ script: steps }] }))) };
  const results = runPython<ScriptResult[][]>("run_example", spec);
  let k = 0;
  return modules.map(({ scripts }) => scripts.map(() => results[k++][0]));
}
