// The workers suite (`npm run bench -- --workers [--pin]`): the starlette-ts command serving one
// app (bench/servers/cli-app.mjs) as one process, then with `--workers 2` (node:cluster), on
// /plain and /session/incr. The two alternate, each round in the other order; each figure is the
// median of the rounds, and the scaling factor is the ratio of the medians.
import { writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { cookiesOf, get } from "./http.js";
import { median, type Running, record } from "./stats.js";

const BIN = fileURLToPath(new URL("../bin/starlette-ts.js", import.meta.url));
const COMMAND = [process.execPath, BIN, "servers/cli-app.mjs:app", "--no-access-log", "--log-level", "warning"];

export interface WorkersSpec {
  name: string;
  command: string[];
}

/** What the suite borrows from run.ts, which owns the server processes and wrk. */
export interface Harness {
  start(spec: WorkersSpec, mode: string, layers: number): Promise<Running>;
  stop(running: Running): Promise<void>;
  load(server: string, route: string, url: string, cookie: string, pid: number | undefined): { rps: number; p50: number; p99: number; errors: number };
  rounds: number;
  connections: number;
  duration: number;
  warmup: number;
  /** The server (all its processes) on the first core and wrk on the second (taskset). */
  pin: boolean;
}

export const WORKERS_SERVERS: WorkersSpec[] = [
  { name: "1 process", command: [...COMMAND, "--port"] },
  { name: "--workers 2", command: [...COMMAND, "--workers", "2", "--port"] },
];

const ROUTES = ["/plain", "/session/incr"];

/** The cookie to load /session/incr with, once every worker has been seen reading it. */
async function check(spec: WorkersSpec, port: number): Promise<string> {
  const first = await get(`http://127.0.0.1:${port}/session/incr`, { connection: "close" });
  const cookie = cookiesOf(first);
  const pids = new Set<number>();
  // The server answers once one worker listens; the other may take a moment more.
  const deadline = Date.now() + 20_000;
  while (pids.size < (spec.name === "1 process" ? 1 : 2) && Date.now() < deadline) {
    if (pids.size > 0) await new Promise((r) => setTimeout(r, 50));
    const reply = JSON.parse((await get(`http://127.0.0.1:${port}/session/incr`, { cookie, connection: "close" })).text) as { count: number; pid: number };
    if (reply.count !== 2) throw new Error(`${spec.name}: /session/incr read count ${reply.count - 1}, not 1`);
    pids.add(reply.pid);
  }
  if (pids.size < (spec.name === "1 process" ? 1 : 2)) throw new Error(`${spec.name}: only ${pids.size} process answered`);
  return cookie;
}

export async function workersSuite(h: Harness): Promise<void> {
  const loadBefore = loadavg()[0];
  const rps = new Map<string, number[]>();
  const p99 = new Map<string, number[]>();
  for (let round = 0; round < h.rounds; round++) {
    console.log(`round ${round + 1} of ${h.rounds}`);
    for (const spec of round % 2 ? [...WORKERS_SERVERS].reverse() : WORKERS_SERVERS) {
      const running = await h.start(spec, "plain", 0);
      try {
        const cookie = await check(spec, running.port);
        for (const route of ROUTES) {
          // The primary's pid: its children's CPU is not counted, so CPU is not reported here.
          const m = h.load(spec.name, route, `http://127.0.0.1:${running.port}${route}`, route === "/plain" ? "" : cookie, undefined);
          if (m.errors) throw new Error(`${spec.name} ${route}: ${m.errors} errors`);
          record(rps, `${spec.name}\u0000${route}`, m.rps);
          record(p99, `${spec.name}\u0000${route}`, m.p99);
        }
      } finally {
        await h.stop(running);
      }
    }
  }
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const lines = [
    `# starlette-ts --workers 2 beside one process${h.pin ? ", pinned" : ""}`,
    "",
    `Machine: ${machine}. Load: \`wrk -t1 -c${h.connections} -d${h.duration}s --latency\` after ${h.warmup} s of warm-up; the two alternate, ${h.rounds} rounds.` +
      (h.pin ? " The server (the primary and both workers: taskset's affinity is inherited) ran on the first core and wrk on the second." : " No pinning: the server's processes and wrk share the cores."),
    `Command: \`npm run bench -- --workers${h.pin ? " --pin" : ""}\`. Medians of the rounds; "scaling" is req/s with --workers 2 over req/s with one process.`,
    `The 1-minute load average was ${loadBefore.toFixed(2)} before the run and ${loadavg()[0].toFixed(2)} after it.`,
    "",
    "Both serve bench/servers/cli-app.mjs through the starlette-ts command (dist/cli.js): SessionMiddleware on every route;",
    "/session/incr reads and re-signs the cookie, which each worker can verify (the check before loading makes sure both answer it).",
    "",
    "| route | 1 process req/s | --workers 2 req/s | scaling | 1 process p99 ms | --workers 2 p99 ms |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const route of ROUTES) {
    const of = (map: Map<string, number[]>, name: string): number => median(map.get(`${name}\u0000${route}`) as number[]);
    const [one, two] = WORKERS_SERVERS.map((s) => s.name);
    lines.push(`| ${route} | ${Math.round(of(rps, one))} | ${Math.round(of(rps, two))} | ${(of(rps, two) / of(rps, one)).toFixed(2)} × | ${of(p99, one).toFixed(2)} | ${of(p99, two).toFixed(2)} |`);
  }
  lines.push(
    "",
    "## What bounds the factor on this machine",
    "",
    "The machine has two cores, and wrk needs one of them: the issue's goal (1.8 × with two workers) needs a load generator",
    "with cores of its own. Pinned, the server's three processes share the first core (the workers inherit the primary's",
    "affinity), so two workers split one core: the factor measures what node:cluster costs, which per request is near",
    "nothing (the primary accepts each connection once and hands it to a worker; wrk keeps its 50 connections open), and it",
    "stays near 1 ×. Unpinned, the workers and wrk share both cores: a second worker can only use what wrk leaves, and one",
    "wrk thread at 50 000 to 70 000 requests/s takes most of a core, so the factor stays near 1 × there too. It can pass 1",
    "only where the server's work per request dominates (/session/incr verifies and re-signs the cookie) on an otherwise",
    "idle machine. The load average above says how busy the machine was: above 2, other processes held CPU as well, and",
    "every figure is lower and noisier.",
    "",
  );
  const file = `workers-results${h.pin ? "-pinned" : ""}.md`;
  writeFileSync(new URL(file, import.meta.url), lines.join("\n"));
  console.log(lines.join("\n"));
  console.log(`wrote bench/${file}`);
}
