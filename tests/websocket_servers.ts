// Servers and clients for the websocket tests: the bare ASGI twin under uvicorn 0.54 (with its
// --ws-* options) and under serve(), Python's websockets 17.1 client driven through
// tests/python/ws_client.py, and a raw TCP client for what no websocket client will send.
import { spawn } from "node:child_process";
import { connect, createServer, type Socket } from "node:net";
import { fileURLToPath } from "node:url";
import { serve, type ServeOptions, type ServerHandle } from "../src/server.js";
import type { ASGIAppLike } from "../src/types.js";
import { PYTHON } from "./python.js";
import { websocketTwin } from "./websocket_twin.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const APPS = fileURLToPath(new URL("./python/fastapi_apps", import.meta.url));
const CLIENT = fileURLToPath(new URL("./python/ws_client.py", import.meta.url));

export interface Running {
  readonly port: number;
  /** ws://127.0.0.1:port */
  readonly url: string;
  logs(): string;
  close(): Promise<void>;
}

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

/** tests/python/fastapi_apps/_ws_twin.py under uvicorn, with extra command-line options. */
export async function startUvicorn(args: string[] = []): Promise<Running & { kill(signal: NodeJS.Signals): void }> {
  const port = await freePort();
  const child = spawn(PYTHON, ["-m", "uvicorn", "_ws_twin:app", "--app-dir", APPS, "--host", "127.0.0.1", "--port", String(port), ...args], {
    cwd: ROOT,
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1", PYTHONUNBUFFERED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout.on("data", (c: Buffer) => (log += c.toString()));
  child.stderr.on("data", (c: Buffer) => (log += c.toString()));
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.on("exit", () => {
      exited = true;
      resolve();
    }),
  );
  process.on("exit", () => child.kill("SIGKILL"));
  const deadline = Date.now() + 20_000;
  while (!(await accepts(port))) {
    if (exited || Date.now() > deadline) throw new Error(`uvicorn did not start:\n${log}`);
    await sleep(50);
  }
  return {
    port,
    url: `ws://127.0.0.1:${port}`,
    logs: () => log,
    kill: (signal) => child.kill(signal),
    async close() {
      if (exited) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exit;
      clearTimeout(timer);
    },
  };
}

/** An app (the TS twin by default) under serve(), quiet, its log kept. */
export async function startServe(options: ServeOptions = {}, app: ASGIAppLike = websocketTwin): Promise<Running & { handle: ServerHandle }> {
  let log = "";
  const handle = await serve(app, { port: 0, handleSignals: false, log: (line) => (log += line + "\n"), ...options });
  return { port: handle.port, url: `ws://127.0.0.1:${handle.port}`, handle, logs: () => log, close: () => handle.close() };
}

/** Runs tests/python/ws_client.py's scenarios against a server; resolves to what the client saw. */
export function pythonClient(url: string, scenarios: string[], extra: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, [CLIENT], { stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (err += c.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (code !== 0) reject(new Error(`ws_client.py exited with ${code}: ${err}`));
      else resolve(JSON.parse(out) as Record<string, unknown>);
    });
    child.stdin.end(JSON.stringify({ url, scenarios, ...extra }));
  });
}

/** A TCP connection that writes `request` and collects what comes back until the server closes (or `ms` pass). */
export function rawExchange(port: number, request: string | Buffer, ms = 2_000): Promise<string> {
  return new Promise((resolve) => {
    const socket: Socket = connect({ host: "127.0.0.1", port }, () => socket.write(request));
    let got = "";
    const timer = setTimeout(() => socket.destroy(), ms);
    socket.on("data", (chunk) => (got += chunk.toString("latin1")));
    socket.on("error", () => undefined);
    socket.on("close", () => {
      clearTimeout(timer);
      resolve(got);
    });
  });
}

export const KEY = "dGhlIHNhbXBsZSBub25jZQ==";

/** A websocket handshake request, headers given as lines. */
export function handshake(path: string, lines: string[] = [], base = [`Sec-WebSocket-Key: ${KEY}`, "Sec-WebSocket-Version: 13"]): string {
  return [`GET ${path} HTTP/1.1`, "Host: 127.0.0.1", "Upgrade: websocket", "Connection: Upgrade", ...base, ...lines, "", ""].join("\r\n");
}

/** Resolves once `check` holds, polling; rejects after `ms`. */
export async function eventually(check: () => boolean | Promise<boolean>, what: string, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

/** The server's open TCP connections, upgraded ones included. */
export function connections(handle: ServerHandle): Promise<number> {
  return new Promise((resolve, reject) => handle.server.getConnections((err, n) => (err ? reject(err) : resolve(n))));
}
