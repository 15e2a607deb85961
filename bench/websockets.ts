// The websocket suite (`npm run bench -- --websockets`): echo of 100-byte text messages over 10
// concurrent connections (round trips/s) and connection set-up (connections/s: handshake, then
// closing handshake), beside raw `ws`, @fastify/websocket, @hono/node-ws and Starlette on uvicorn.
// The load is one Node process on `ws` (bench/ws-client.mjs), the same for every row, since the
// figure is a joint client + server limit on a 2-core machine. Each server's echo is checked first.
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { median, type Running, record } from "./stats.js";

export interface WebSocketSpec {
  name: string;
  command: string[];
  ready: string;
  note: string;
}

/** What the suite borrows from run.ts, which owns the server processes. */
export interface Harness {
  start(spec: WebSocketSpec, mode: string, layers: number): Promise<Running>;
  stop(running: Running): Promise<void>;
  uvicorn: string[];
  rounds: number;
  duration: number;
  warmup: number;
}

const CLIENT = fileURLToPath(new URL("./ws-client.mjs", import.meta.url));
// The suite's connection count, as the issue's figures were measured.
const CONNECTIONS = 10;

export function websocketServers(uvicorn: string[]): WebSocketSpec[] {
  const node = (file: string, mode = ""): string[] => [process.execPath, `servers/${file}`, ...(mode ? [mode] : [])];
  const ready = "/plain";
  return [
    { name: "raw ws", command: node("ws-raw.mjs"), ready, note: "node:http with `ws`'s `WebSocketServer` echoing in its 'message' listener: the practical limit" },
    { name: "starlette-ts", command: node("ws-starlette-ts.mjs", "app"), ready, note: "`serve()` of an `App` with `app.websocket(\"/ws\")` echoing through `receiveText`/`sendText` (dist/)" },
    { name: "starlette-ts, bare ASGI", command: node("ws-starlette-ts.mjs", "bare"), ready, note: "`serve()` of a bare ASGI app answering each `websocket.receive` with a `websocket.send`" },
    { name: "Fastify 5 + @fastify/websocket", command: node("ws-fastify.mjs"), ready, note: "`@fastify/websocket` 11, echoing in the socket's 'message' listener" },
    { name: "Hono 4 + @hono/node-ws", command: node("ws-hono.mjs"), ready, note: "`upgradeWebSocket` of `@hono/node-ws` on `@hono/node-server`, echoing in `onMessage`" },
    { name: "Starlette + uvicorn", command: [...uvicorn, "ws_starlette:app", "--port"], ready, note: "Starlette 1.7's `WebSocketRoute` echoing through `receive_text`/`send_text`, uvicorn 0.54 (uvloop, httptools, websockets-sansio), one worker" },
  ];
}

interface Result {
  rate: number;
  count: number;
  errors: number;
  ok?: boolean;
}

function client(url: string, mode: string, seconds: number): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLIENT, url, mode, String(CONNECTIONS), String(seconds)], { cwd: fileURLToPath(new URL(".", import.meta.url)), stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (err += c.toString()));
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out) as Result) : reject(new Error(`ws-client.mjs ${mode} exited with ${code}: ${err}`))));
  });
}

/** Throws, naming the server, unless a 100-byte text message comes back the same. */
export async function checkWebsockets(server: string, port: number): Promise<void> {
  const result = await client(`ws://127.0.0.1:${port}/ws`, "check", 1);
  if (!result.ok) throw new Error(`${server}: /ws did not echo a 100-byte text message`);
}

function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

const WORKLOADS = [
  ["echo", "echo, 100-byte text, 10 connections", "round trips/s", "µs/round trip"],
  ["connect", "connection set-up, 10 at a time", "connections/s", "µs/connection"],
] as const;

/** Issue 20's goals for the starlette-ts rows, from the medians: met or not, with the figure. */
function goals(servers: WebSocketSpec[], rates: Map<string, number[]>): string[] {
  const [raw, ours, bare, fastify, hono, uvicorn] = servers.map((s) => s.name);
  const lines = ["## Against the goals", "", "Goals (issue 20): at least 0.95 × raw ws on both, ahead of @hono/node-ws, level with Fastify (here: at least 0.95 × it), at least 2.5 × Starlette + uvicorn.", ""];
  lines.push("| row | workload | to raw ws (≥ 0.95) | to Hono (> 1) | to Fastify (≥ 0.95) | to uvicorn + Starlette (≥ 2.5) |", "| --- | --- | ---: | ---: | ---: | ---: |");
  for (const row of [ours, bare]) {
    for (const [mode] of WORKLOADS) {
      const rate = (name: string): number => median(rates.get(`${name}\u0000${mode}`) ?? [NaN]);
      const cell = (ratio: number, goal: number, strict = false): string => `${ratio.toFixed(2)} ${(strict ? ratio > goal : ratio >= goal) ? "met" : "not met"}`;
      const value = rate(row);
      lines.push(`| ${row} | ${mode} | ${cell(value / rate(raw), 0.95)} | ${cell(value / rate(hono), 1, true)} | ${cell(value / rate(fastify), 0.95)} | ${cell(value / rate(uvicorn), 2.5)} |`);
    }
  }
  return lines;
}

/** Every server, both workloads, alternately, h.rounds times; writes websockets-results.md. */
export async function websocketSuite(h: Harness): Promise<void> {
  const servers = websocketServers(h.uvicorn);
  const loadBefore = loadavg()[0];
  const rates = new Map<string, number[]>();
  const cpu = new Map<string, number[]>();
  const errors = new Map<string, number>();
  for (let round = 0; round < h.rounds; round++) {
    console.log(`round ${round + 1} of ${h.rounds}`);
    for (let k = 0; k < servers.length; k++) {
      const spec = servers[(k + round) % servers.length];
      const running = await h.start(spec, "plain", 0);
      try {
        await checkWebsockets(spec.name, running.port);
        const url = `ws://127.0.0.1:${running.port}/ws`;
        for (const [mode] of round % 2 ? [...WORKLOADS].reverse() : WORKLOADS) {
          if (h.warmup > 0) await client(url, mode, h.warmup);
          const before = cpuSeconds(running.child.pid);
          const result = await client(url, mode, h.duration);
          const used = cpuSeconds(running.child.pid) - before;
          const key = `${spec.name}\u0000${mode}`;
          record(rates, key, result.rate);
          record(cpu, key, (used * 1e6) / result.count);
          errors.set(key, (errors.get(key) ?? 0) + result.errors);
          console.log(`  ${spec.name.padEnd(32)} ${mode.padEnd(8)} ${Math.round(result.rate).toString().padStart(7)}/s  server CPU ${((used * 1e6) / result.count).toFixed(1)} µs each${result.errors ? `  ${result.errors} errors` : ""}`);
        }
      } finally {
        await h.stop(running);
      }
    }
  }
  const loadAfter = loadavg()[0];
  const raw = servers[0].name;
  const uvicorn = servers[servers.length - 1].name;
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const lines = [
    "# WebSockets: echo and connection set-up",
    "",
    `Machine: ${machine}. Load: bench/ws-client.mjs, one Node process on \`ws\` (compression not offered), ${CONNECTIONS} connections,`,
    `${h.duration} s per measurement after ${h.warmup} s of unrecorded warm-up on the same server process; the servers take turns, ${h.rounds} rounds,`,
    "each round starting one server later and running the two workloads in the other order.",
    "Command: `npm run bench -- --websockets`. Every figure is the median of the rounds; \"range\" gives the lowest and highest round.",
    "Server CPU is the server process's user + system time per round trip or connection (from /proc) while the client ran. The client",
    `and the server share the machine's 2 cores, so the figure is a joint limit; the 1-minute load average was ${loadBefore.toFixed(2)} before the run and ${loadAfter.toFixed(2)} after it.`,
    "Each server's echo is checked before it is loaded.",
    "",
    "| server | what serves |",
    "| --- | --- |",
    ...servers.map((s) => `| ${s.name} | ${s.note} |`),
    "",
  ];
  for (const [mode, title, unit, per] of WORKLOADS) {
    lines.push(`## ${title}`, "", `| server | ${unit} | range | to ${raw} | to ${uvicorn} | server CPU ${per} | errors |`, "| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    const base = median(rates.get(`${raw}\u0000${mode}`) ?? [NaN]);
    const python = median(rates.get(`${uvicorn}\u0000${mode}`) ?? [NaN]);
    for (const spec of servers) {
      const key = `${spec.name}\u0000${mode}`;
      const all = rates.get(key) as number[];
      const value = median(all);
      lines.push(
        `| ${spec.name} | ${Math.round(value)} | ${Math.round(Math.min(...all))}-${Math.round(Math.max(...all))} | ${(value / base).toFixed(2)} | ${(value / python).toFixed(2)} | ${median(cpu.get(key) as number[]).toFixed(1)} | ${errors.get(key) ?? 0} |`,
      );
    }
    lines.push("");
  }
  lines.push(...goals(servers, rates), "");
  writeFileSync(new URL("websockets-results.md", import.meta.url), lines.join("\n"));
  console.log(lines.join("\n"));
  console.log("wrote bench/websockets-results.md");
}
