// The Bun suite (`npm run bench -- --bun`): starlette-ts through its fetch adapter
// (dist/fetch.js) beside Hono on Bun, Hono's home runtime, on /plain and /json, all served by
// Bun from a module whose default export has `fetch` (bench/servers/bun-*.mjs): the app of the
// Node table, and the same without its SessionMiddleware. The servers alternate, each round in
// the other order; each figure is the median of the rounds.
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { get } from "./http.js";
import { median, type Running, type Load as Measurement, record } from "./stats.js";

/** Bun, from the npm package bun (a devDependency of the library, whose platform package carries the binary). */
export const BUN = fileURLToPath(new URL("../node_modules/.bin/bun", import.meta.url));

export interface BunSpec {
  name: string;
  command: string[];
  /** The server's MODE. */
  mode: string;
}

/** What the suite borrows from run.ts, which owns the server processes and wrk. */
export interface Harness {
  start(spec: BunSpec, mode: string, layers: number): Promise<Running>;
  stop(running: Running): Promise<void>;
  load(server: string, route: string, url: string, cookie: string, pid: number | undefined): Measurement;
  rounds: number;
  connections: number;
  duration: number;
  warmup: number;
  /** The server on the first core and wrk on the second (taskset). */
  pin: boolean;
}

export const BUN_SERVERS: BunSpec[] = [
  { name: "Hono 4 on Bun", command: [BUN, "servers/bun-hono.mjs"], mode: "plain" },
  { name: "starlette-ts on Bun", command: [BUN, "servers/bun-starlette-ts.mjs"], mode: "plain" },
  { name: "starlette-ts on Bun, no middleware", command: [BUN, "servers/bun-starlette-ts.mjs"], mode: "bare" },
  { name: "bare ASGI app on Bun", command: [BUN, "servers/bun-starlette-ts.mjs"], mode: "asgi" },
];

const ROUTES: Array<[path: string, body: string]> = [
  ["/plain", "ok"],
  ["/json", '{"hello":"world"}'],
];

async function checkAnswers(spec: BunSpec, port: number): Promise<void> {
  for (const [path, body] of ROUTES) {
    const response = await get(`http://127.0.0.1:${port}${path}`);
    const text = path === "/json" ? JSON.stringify(JSON.parse(response.text)) : response.text;
    if (response.status !== 200 || text !== body) {
      throw new Error(`${spec.name}: ${path} answered ${response.status} ${response.text}`);
    }
  }
}

export async function bunSuite(h: Harness): Promise<void> {
  if (!existsSync(BUN)) throw new Error(`${BUN} is missing: npm install brings the bun package (a devDependency)`);
  const loadBefore = loadavg()[0];
  const rps = new Map<string, number[]>();
  const cpu = new Map<string, number[]>();
  for (let round = 0; round < h.rounds; round++) {
    console.log(`round ${round + 1} of ${h.rounds}`);
    for (const spec of round % 2 ? [...BUN_SERVERS].reverse() : BUN_SERVERS) {
      const running = await h.start(spec, spec.mode, 0);
      try {
        await checkAnswers(spec, running.port);
        for (const [path] of ROUTES) {
          const m = h.load(spec.name, path, `http://127.0.0.1:${running.port}${path}`, "", running.child.pid);
          record(rps, `${spec.name}\u0000${path}`, m.rps);
          record(cpu, `${spec.name}\u0000${path}`, m.cpu);
        }
      } finally {
        await h.stop(running);
      }
    }
  }
  const hono = BUN_SERVERS[0].name;
  const version = spawnSync(BUN, ["--version"], { encoding: "utf8" }).stdout.trim();
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Bun ${version}`;
  const lines = [
    "# starlette-ts on Bun beside Hono on Bun",
    "",
    `Machine: ${machine}. Load: \`wrk -t1 -c${h.connections} -d${h.duration}s\` after ${h.warmup} s of warm-up; the servers alternate, ${h.rounds} rounds.` +
      (h.pin ? " Each server ran on the first core and wrk on the second (taskset)." : ""),
    `Command: \`npm run bench -- --bun${h.pin ? " --pin" : ""}\`. Medians of the rounds; "to Hono" is the ratio of requests/s. Server CPU is the Bun process's user + system time per request (from /proc).`,
    `The 1-minute load average was ${loadBefore.toFixed(2)} before the run and ${loadavg()[0].toFixed(2)} after it.`,
    "",
    "starlette-ts runs the app of the Node table through `toFetchHandler(app)`: `SessionMiddleware` on every route (as there), a",
    "`PlainTextResponse` and a dict answered as JSON; the \"no middleware\" row is the same app without `SessionMiddleware`.",
    "The \"bare ASGI app\" row is the adapter's floor: a plain function sending the two ASGI messages of each answer at once,",
    "with no `App`, router or `Response` class.",
    "Hono answers with `c.text` and `c.json`, and no middleware.",
    "",
    "| server | route | req/s | to Hono | server CPU µs/req |",
    "| --- | --- | ---: | ---: | ---: |",
  ];
  for (const [path] of ROUTES) {
    const of = (name: string): number => median(rps.get(`${name}\u0000${path}`) as number[]);
    for (const spec of BUN_SERVERS) {
      const cpuOf = median(cpu.get(`${spec.name}\u0000${path}`) as number[]).toFixed(1);
      lines.push(`| ${spec.name} | ${path} | ${Math.round(of(spec.name))} | ${(of(spec.name) / of(hono)).toFixed(3)} | ${cpuOf} |`);
    }
  }
  lines.push("");
  const file = `bun-results${h.pin ? "-pinned" : ""}.md`;
  writeFileSync(new URL(file, import.meta.url), lines.join("\n"));
  console.log(lines.join("\n"));
  console.log(`wrote bench/${file}`);
}
