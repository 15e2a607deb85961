// Starts Bun, Deno or workerd (the npm packages bun, deno, workerd: devDependencies whose
// platform packages carry the binaries) on a free 127.0.0.1 port, for the runtime tests.
import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { Test } from "uvu";
import * as assert from "uvu/assert";
import { handlers } from "./app.js";
import { describeSameAnswers, describeScenarios, httpDuplex, type Transport } from "./scenarios.js";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** The runtime's binary in node_modules/.bin, or null (a warning) where it is not installed; CI must have it. */
export function runtimeBinary(name: "bun" | "deno" | "workerd"): string | null {
  const path = `${ROOT}node_modules/.bin/${name}`;
  if (existsSync(path)) return path;
  if (process.env.CI) throw new Error(`CI must install the ${name} npm package (a devDependency): ${path} is missing`);
  console.warn(`(the ${name} tests not run: ${path} is missing; npm install brings it)`);
  return null;
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface Running {
  base: string;
  port: number;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/** Spawns `command` and waits until GET / answers 200. */
export async function startRuntime(name: string, command: string[], port: number, env: Record<string, string> = {}): Promise<Running> {
  const [cmd, ...args] = command;
  const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env, PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const base = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}):\n${output}`);
    const ok = await fetch(base + "/").then((r) => r.status === 200, () => false);
    if (ok) return { base, port, child, output: () => output, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${name} did not answer on ${base} within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The suite's transport over HTTP to a running runtime; `headers` go with every request. */
export function overHttp(running: () => Running, checkClient: (client: unknown) => void, headers: Record<string, string> = {}, options: RuntimeOptions = {}): Transport {
  return {
    fetch(path, init = {}) {
      const merged = new Headers(init.headers);
      for (const [name, value] of Object.entries(headers)) if (!merged.has(name)) merged.set(name, value);
      return fetch(running().base + path, { ...init, headers: merged, redirect: "manual" });
    },
    open: (path) => httpDuplex(running().base + path, headers),
    get server(): [string, number] {
      return ["127.0.0.1", running().port];
    },
    checkClient,
    utf8Headers: options.utf8Headers,
    noticesIdleDisconnect: options.noticesIdleDisconnect,
    addedHeaders: options.addedHeaders,
  };
}

/** The whole suite against a runtime started once for the file, and every answer compared with the Node run's. */
export interface RuntimeOptions {
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** The runtime's Headers hold text (workerd). */
  utf8Headers?: boolean;
  /** False where the runtime does not notice a client gone before the response starts (workerd). */
  noticesIdleDisconnect?: boolean;
  /** Headers the runtime adds to a response that has none of that name (Bun's default content-type). */
  addedHeaders?: Array<[string, string]>;
}

export function describeRuntime(test: Test, name: string, start: (port: number) => Promise<Running>, checkClient: (client: unknown) => void, options: RuntimeOptions = {}): void {
  const headers = options.headers ?? {};
  let running: Running | undefined;
  const current = (): Running => running as Running;
  test.before(async () => {
    running = await start(await freePort());
  });
  test.after(async () => {
    await running?.stop();
  });
  test(`${name} starts and serves`, () => {
    assert.ok(current().child.exitCode === null, current().output());
  });
  const transport = () => overHttp(current, checkClient, headers, options);
  describeScenarios(test, transport);
  // The reference: the same apps on Node's own Request/Response, in this process.
  const node = handlers(undefined, () => undefined);
  const reference: Transport = {
    fetch: async (path, init) => node.fetch(new Request("http://127.0.0.1" + path, init)),
    open: () => Promise.reject(new Error("not used")),
    server: ["127.0.0.1", 80],
    checkClient: () => undefined,
  };
  describeSameAnswers(test, transport, () => reference);
}

/**
 * Starts workerd on `entry`, bundled by esbuild (which tsx brings) as the documented
 * example's configuration expects it (examples/runtimes/cloudflare_worker.capnp: nodejs_compat,
 * enable_request_signal, SECRET_KEY), in a directory of its own that stop() removes.
 */
export async function startWorkerd(workerd: string, entry: string, port: number): Promise<Running> {
  const dir = mkdtempSync(join(tmpdir(), "starlette-ts-workerd-"));
  await build({ entryPoints: [join(ROOT, entry)], bundle: true, format: "esm", platform: "neutral", conditions: ["source"], external: ["node:*"], outfile: join(dir, "cloudflare_worker.js"), logLevel: "error" });
  copyFileSync(join(ROOT, "examples/runtimes/cloudflare_worker.capnp"), join(dir, "cloudflare_worker.capnp"));
  const running = await startRuntime("workerd", [workerd, "serve", join(dir, "cloudflare_worker.capnp"), "--socket-addr", `http=127.0.0.1:${port}`], port);
  const stop = running.stop;
  return { ...running, stop: () => stop().finally(() => rmSync(dir, { recursive: true, force: true })) };
}

/** A loopback peer: 127.0.0.1 and the client's own port. */
export function loopbackClient(client: unknown): void {
  assert.ok(Array.isArray(client) && client[0] === "127.0.0.1" && Number.isInteger(client[1]) && client[1] > 0, `scope.client: ${JSON.stringify(client)}`);
}
