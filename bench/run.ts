// Runs the same workload against every server, one at a time, in one run, and
// writes results.md and results.svg. Load comes from wrk (Debian's package), a
// separate process, on 127.0.0.1 only, for a fixed time per measurement.
//   npm run bench               the full run (a few minutes)
//   npm run bench -- --smoke    only checks that every server answers correctly (CI)
//   npm run bench -- --pair Hono
//                               starlette-ts and one peer only, alternately, BENCH_ROUNDS
//                               times (default 6), compared by their median on each route
//   npm run bench -- --lean     /plain with no layers, ten http layers and ten layers of
//                               bench/experiments/lean-layer.mjs, alternately, BENCH_ROUNDS times
//   npm run bench -- --validation
//                               the validation suite only (POST /items with a JSON body, GET /search
//                               with typed query parameters) on every validating server, alternately,
//                               BENCH_ROUNDS times (default 6), 10 connections, medians; writes
//                               validation-results.md
//   npm run bench -- --middleware
//                               the middleware suite only (a CORS preflight and a gzipped 10 KiB JSON, bench/middleware.ts),
//                               10 connections, medians of BENCH_ROUNDS rounds (default 6); writes middleware-results.md
//   npm run bench -- --static   the static-files suite only (a 1 KiB and a 1 MiB file, bench/static.ts),
//                               10 connections, medians of BENCH_ROUNDS rounds (default 6); writes static-results.md
//   npm run bench -- --websockets
//                               the websocket suite only (echo of 100-byte messages and connection set-up, bench/websockets.ts),
//                               10 connections from one Node client on ws, medians of BENCH_ROUNDS rounds (default 6);
//                               writes websockets-results.md
//   npm run bench -- --bun      starlette-ts through its fetch adapter beside Hono, both on Bun (bench/bun.ts), alternately,
//                               medians of BENCH_ROUNDS rounds (default 6); writes bun-results.md
//   npm run bench -- --workers  the starlette-ts command with --workers 2 beside one process, on /plain and /session/incr
//                               (bench/workers.ts), alternately, medians of BENCH_ROUNDS rounds; writes workers-results.md
//   --pin, with --pair, --lean, --validation, --bun or --workers: the server on the first core and wrk on the second
//                               (taskset), written to a file of its own (pair-hono-pinned.md)
import { spawn, spawnSync, type SpawnSyncReturns } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { cpus, loadavg, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { renderChart } from "./chart.js";
import { cookiesOf, get } from "./http.js";
import { checkValidation, POST_SCRIPT, READY, SEARCH } from "./validation.js";
import { checkStatic, prepareStaticFiles, removeStaticFiles, staticServers, staticSuite } from "./static.js";
import { checkMiddleware, middlewareServers, middlewareSuite, prepareMiddlewarePayload, removeMiddlewarePayload } from "./middleware.js";
import { bunSuite } from "./bun.js";
import { workersSuite } from "./workers.js";
import { checkWebsockets, websocketServers, websocketSuite } from "./websockets.js";
import { median, type Running, record } from "./stats.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const args = process.argv.slice(2);
const SMOKE = args.includes("--smoke");
const PAIR = args.includes("--pair") ? (args[args.indexOf("--pair") + 1] ?? "") : null;
const LEAN = args.includes("--lean");
const VALIDATION = args.includes("--validation");
const STATIC = args.includes("--static");
const MIDDLEWARE = args.includes("--middleware");
const BUN = args.includes("--bun");
const WORKERS = args.includes("--workers");
const WEBSOCKETS = args.includes("--websockets");
// Fixed cores keep the scheduler from moving either process, which changes how they wake each other.
const PIN = args.includes("--pin");
if (PIN && PAIR === null && !LEAN && !VALIDATION && !BUN && !WORKERS) throw new Error("--pin goes with --pair, --lean or --validation");
const SERVER_CORE = ["taskset", "-c", "0"];
const LOAD_CORE = ["taskset", "-c", "1"];
// With --pin, the files written get this before their .md.
const PINNED = PIN ? "-pinned" : "";
const PINNED_NOTE = PIN ? " Each server ran on the first core and wrk on the second (taskset)." : "";
const DURATION = Number(process.env.BENCH_SECONDS ?? 3);
// This machine is shared and noisy: every measurement is taken ROUNDS times, a round over all
// servers at a time, and the best is kept.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (PAIR === null && !LEAN && !VALIDATION && !STATIC && !MIDDLEWARE && !BUN && !WEBSOCKETS ? 3 : 6));
// The validation suite repeats the measurement its issue quotes, made with 10 connections.
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? (VALIDATION || STATIC || MIDDLEWARE ? 10 : 50));
// Every measurement follows a warm-up of the same route on the same server process, unrecorded:
// JIT compilers (V8's, and none for CPython) otherwise spend part of the measured seconds compiling.
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1);

interface ServerSpec {
  name: string;
  command: string[];
  /** Serves /session/seed?bytes=N, for the session-size series. */
  seeds?: boolean;
  /** The path that answers 200 once the server listens. @default "/plain" */
  ready?: string;
}

// The reference Python stack: the virtualenv .ci/run builds from ../shared/wheels, run as
// `uvicorn[standard]` runs (uvloop, httptools), one worker, so the pid is the server's.
const VENV_PYTHON = fileURLToPath(new URL("../.venv-py/bin/python", import.meta.url));
const UVICORN = [VENV_PYTHON, "-m", "uvicorn", "--app-dir", "servers", "--workers", "1", "--loop", "uvloop", "--http", "httptools", "--no-access-log", "--log-level", "warning"];

const SERVERS: ServerSpec[] = [
  { name: "raw node:http", command: [process.execPath, "servers/raw-node.mjs"], seeds: true },
  { name: "starlette-ts", command: [process.execPath, "servers/starlette-ts.mjs"], seeds: true },
  { name: "Fastify 5", command: [process.execPath, "servers/fastify.mjs"] },
  { name: "Hono 4", command: [process.execPath, "servers/hono.mjs"] },
  { name: "Koa 3", command: [process.execPath, "servers/koa.mjs"] },
  { name: "Express 5", command: [process.execPath, "servers/express.mjs"] },
  { name: "Starlette + uvicorn", command: [...UVICORN, "starlette_py:app", "--port"] },
];

/** The validation suite's servers: the same two validated routes on each (bench/validation.ts). */
const VALIDATION_SERVERS: ServerSpec[] = [
  { name: "raw node:http + zod", command: [process.execPath, "servers/raw-zod.mjs"] },
  { name: "least ASGI bridge + bare ASGI app", command: [process.execPath, "servers/asgi-floor.mjs"] },
  { name: "starlette-ts + zod", command: [process.execPath, "servers/starlette-ts-zod.mjs"] },
  { name: "starlette-ts/fastapi", command: [process.execPath, "servers/starlette-ts-fastapi.mjs"] },
  { name: "Fastify 5 (ajv)", command: [process.execPath, "servers/fastify-validation.mjs"] },
  { name: "Hono 4 + zod-validator", command: [process.execPath, "servers/hono-zod.mjs"] },
  { name: "Elysia 1.4 + zod", command: [process.execPath, "servers/elysia-zod.mjs"] },
  { name: "FastAPI + uvicorn", command: [...UVICORN, "fastapi_py:app", "--port"] },
].map((spec) => ({ ...spec, ready: READY }));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function start(spec: ServerSpec, mode: string, layers: number): Promise<Running> {
  if (spec.command[0] === VENV_PYTHON && !existsSync(VENV_PYTHON)) {
    throw new Error(
      `${spec.name} runs on the Python virtualenv ${VENV_PYTHON}, which is missing: build it as .ci/run does, from ../shared/wheels ` +
        "(python3 -m venv .venv-py && .venv-py/bin/pip install --no-index --find-links ../shared/wheels fastapi uvicorn uvloop httptools itsdangerous)",
    );
  }
  const port = await freePort();
  // taskset execs the server, so the child's pid is still the server's (its CPU time is read from /proc).
  const command = PIN ? [...SERVER_CORE, ...spec.command] : spec.command;
  const [cmd, ...rest] = command;
  const argv = command[command.length - 1] === "--port" ? [...rest, String(port)] : rest;
  // PYTHONDONTWRITEBYTECODE: no __pycache__ left in servers/.
  const env = { ...process.env, PORT: String(port), MODE: mode, LAYERS: String(layers), PYTHONDONTWRITEBYTECODE: "1" };
  const child = spawn(cmd, argv, { cwd: here, env, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${spec.name} exited: ${stderr}`);
    try {
      const response = await get(`http://127.0.0.1:${port}${spec.ready ?? "/plain"}`);
      if (response.status === 200) return { port, child };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${spec.name} did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stop(running: Running): Promise<void> {
  const exited = new Promise((r) => running.child.once("exit", r));
  running.child.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
  if (running.child.exitCode === null) running.child.kill("SIGKILL");
}

/** Checks a server's answers; gives the cookie header to load /session/incr with. */
async function check(spec: ServerSpec, port: number, layered: boolean): Promise<string> {
  const base = `http://127.0.0.1:${port}`;
  const fail = (what: string): never => {
    throw new Error(`${spec.name}: ${what}`);
  };
  const plain = await get(`${base}/plain`);
  if (plain.status !== 200 || plain.text !== "ok") fail("/plain did not answer 200 ok");
  if (layered) return "";
  const json = await get(`${base}/json`);
  if (JSON.stringify(JSON.parse(json.text)) !== '{"hello":"world"}') fail("/json is wrong");
  const first = await get(`${base}/session/incr`);
  if (JSON.stringify(JSON.parse(first.text)) !== '{"count":1}') fail("/session/incr without a cookie did not give count 1");
  const cookie = cookiesOf(first);
  if (!cookie) fail("/session/incr set no cookie");
  const second = await get(`${base}/session/incr`, { cookie });
  if (JSON.stringify(JSON.parse(second.text)) !== '{"count":2}') fail("/session/incr with the cookie did not give count 2");
  if (!cookiesOf(second)) fail("/session/incr did not re-sign the cookie");
  return cookie;
}

interface Measurement {
  server: string;
  route: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** The server process's CPU time (user + system) per request, in µs; NaN where /proc cannot tell. */
  cpu: number;
}

const CLOCK_TICKS = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout?.trim()) || 100;

/** A process's CPU time so far, in seconds, from /proc (Linux); NaN elsewhere. */
function cpuSeconds(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 14th and 15th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}

const formatCpu = (cpu: number): string => (Number.isNaN(cpu) ? "" : cpu.toFixed(1));

function toMs(text: string): number {
  const m = /([\d.]+)(us|ms|s)/.exec(text);
  if (!m) return NaN;
  return Number(m[1]) * (m[2] === "us" ? 0.001 : m[2] === "s" ? 1000 : 1);
}

/** Runs wrk, on its own core with --pin. */
function wrk(argv: string[], seconds: number): SpawnSyncReturns<string> {
  const [cmd, ...rest] = PIN ? [...LOAD_CORE, "wrk", ...argv] : ["wrk", ...argv];
  return spawnSync(cmd, rest, { encoding: "utf8", timeout: (seconds + 30) * 1000 });
}

/** `extra`: more arguments for wrk, such as a script (-s) that sets the method and body. */
function load(server: string, route: string, url: string, cookie: string, pid: number | undefined, seconds = DURATION, extra: string[] = []): Measurement {
  if (WARMUP > 0) {
    const warm = wrk(["-t1", `-c${CONNECTIONS}`, `-d${WARMUP}s`, ...extra, ...(cookie ? ["-H", `Cookie: ${cookie}`] : []), url], WARMUP);
    if (warm.status !== 0) throw new Error(`wrk failed: ${warm.stderr}`);
  }
  const argv = ["-t1", `-c${CONNECTIONS}`, `-d${seconds}s`, "--latency", ...extra, ...(cookie ? ["-H", `Cookie: ${cookie}`] : []), url];
  const cpuBefore = cpuSeconds(pid);
  const out = wrk(argv, seconds);
  const cpuAfter = cpuSeconds(pid);
  if (out.status !== 0) throw new Error(`wrk failed: ${out.stderr}`);
  const text = out.stdout;
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(text)?.[1]);
  const requests = Number(/(\d+) requests in/.exec(text)?.[1]);
  const cpu = ((cpuAfter - cpuBefore) * 1e6) / requests;
  const p50 = toMs(/^\s+50%\s+(\S+)/m.exec(text)?.[1] ?? "");
  const p99 = toMs(/^\s+99%\s+(\S+)/m.exec(text)?.[1] ?? "");
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(text)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(text);
  const errors = non2xx + (socket ? socket.slice(1).reduce((a, b) => a + Number(b), 0) : 0);
  const m: Measurement = { server, route, rps, p50, p99, errors, cpu };
  console.log(
    `  ${server.padEnd(22)} ${route.padEnd(22)} ${Math.round(rps).toString().padStart(7)} req/s  p50 ${p50.toFixed(2)} ms  p99 ${p99.toFixed(2)} ms  server CPU ${formatCpu(cpu)} µs/req${errors ? `  ${errors} errors` : ""}`,
  );
  return m;
}

/** Keeps the best measurement of each server and route over the rounds. */
function keepBest(best: Map<string, Measurement>, m: Measurement): void {
  const key = `${m.server}\u0000${m.route}`;
  const prior = best.get(key);
  if (prior === undefined || m.rps > prior.rps) best.set(key, m);
}

// The routes of the main table: [mode, layers, routes] per server process.
const CONFIGS = [
  ["plain", 0, ["/plain", "/json", "/session/incr"]],
  ["http", 10, ["/plain"]],
  ["asgi", 10, ["/plain"]],
] as const;

function routeLabel(mode: string, layers: number, route: string): string {
  return mode === "plain" ? route : `${route} (${layers} ${mode === "http" ? "http mw" : "ASGI mw"})`;
}

/**
 * Whether starlette-ts is ahead of one peer, where the best of three rounds
 * cannot tell: the two alternate, route by route, in an order that flips each
 * round, and each route is compared by the medians of the rounds.
 */
async function pair(name: string): Promise<void> {
  const peer = name === "" ? undefined : SERVERS.find((s) => s.name !== "starlette-ts" && s.name.toLowerCase().startsWith(name.toLowerCase()));
  if (peer === undefined) throw new Error(`--pair takes one of: ${SERVERS.filter((s) => s.name !== "starlette-ts").map((s) => s.name.split(" ")[0]).join(", ")}`);
  const ours = SERVERS.find((s) => s.name === "starlette-ts") as ServerSpec;
  const rps = new Map<string, number[]>();
  const cpu = new Map<string, number[]>();
  for (let round = 0; round < ROUNDS; round++) {
    console.log(`round ${round + 1} of ${ROUNDS}`);
    for (const [mode, layers, routes] of CONFIGS) {
      for (const spec of round % 2 ? [peer, ours] : [ours, peer]) {
        const running = await start(spec, mode, layers);
        try {
          const cookie = await check(spec, running.port, mode !== "plain");
          for (const route of routes) {
            const m = load(spec.name, routeLabel(mode, layers, route), `http://127.0.0.1:${running.port}${route}`, route.startsWith("/session") ? cookie : "", running.child.pid);
            const key = `${spec.name}\u0000${m.route}`;
            rps.set(key, [...(rps.get(key) ?? []), m.rps]);
            cpu.set(key, [...(cpu.get(key) ?? []), m.cpu]);
          }
        } finally {
          await stop(running);
        }
      }
    }
  }
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const lines = [
    `# starlette-ts and ${peer.name}, head to head`,
    "",
    `Machine: ${machine}. Load: \`wrk -t1 -c${CONNECTIONS} -d${DURATION}s\` after ${WARMUP} s of warm-up; the two servers alternate, ${ROUNDS} rounds.${PINNED_NOTE}`,
    `Command: \`npm run bench -- --pair ${name}${PIN ? " --pin" : ""}\`. Medians of the rounds; "rounds ahead" counts the rounds in which starlette-ts had more requests/s.`,
    "Server CPU is the server process's user + system time per request (from /proc) while wrk ran: less noisy than requests/s on a shared machine.",
    "",
    `| route | starlette-ts req/s | ${peer.name} req/s | ratio | rounds ahead | starlette-ts CPU µs/req | ${peer.name} CPU µs/req |`,
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const [mode, layers, routes] of CONFIGS) {
    for (const route of routes) {
      const label = routeLabel(mode, layers, route);
      const a = rps.get(`${ours.name}\u0000${label}`) as number[];
      const b = rps.get(`${peer.name}\u0000${label}`) as number[];
      const ahead = a.filter((v, i) => v > b[i]).length;
      const cpuOf = (server: string): string => formatCpu(median(cpu.get(`${server}\u0000${label}`) as number[]));
      lines.push(`| ${label} | ${Math.round(median(a))} | ${Math.round(median(b))} | ${(median(a) / median(b)).toFixed(3)} | ${ahead} of ${a.length} | ${cpuOf(ours.name)} | ${cpuOf(peer.name)} |`);
    }
  }
  lines.push("");
  const file = `pair-${peer.name.split(" ")[0].toLowerCase()}${PINNED}.md`;
  writeFileSync(new URL(file, import.meta.url), lines.join("\n"));
  console.log(lines.join("\n"));
  console.log(`wrote bench/${file}`);
}

// The validation suite's two loads: [route label, path, wrk arguments].
const VALIDATION_ROUTES: Array<[string, string, string[]]> = [
  ["POST /items", "/items", ["-s", fileURLToPath(new URL(POST_SCRIPT, import.meta.url))]],
  [`GET ${SEARCH}`, SEARCH, []],
];

/**
 * FastAPI-style validated routes on every validating server: the servers take turns, each round
 * starting one server later and loading the two routes in the other order, and each figure is the
 * median of the rounds.
 */
async function validationSuite(): Promise<void> {
  // Other work on the machine shows in the load average; the report gives it.
  const loadBefore = loadavg()[0];
  const rps = new Map<string, number[]>();
  const cpu = new Map<string, number[]>();
  const p50 = new Map<string, number[]>();
  const p99 = new Map<string, number[]>();
  const errors = new Map<string, number>();
  for (let round = 0; round < ROUNDS; round++) {
    console.log(`round ${round + 1} of ${ROUNDS}`);
    for (let k = 0; k < VALIDATION_SERVERS.length; k++) {
      const spec = VALIDATION_SERVERS[(k + round) % VALIDATION_SERVERS.length];
      const running = await start(spec, "plain", 0);
      try {
        await checkValidation(spec.name, running.port);
        for (const [label, path, extra] of round % 2 ? [...VALIDATION_ROUTES].reverse() : VALIDATION_ROUTES) {
          const m = load(spec.name, label, `http://127.0.0.1:${running.port}${path}`, "", running.child.pid, DURATION, extra);
          const key = `${spec.name}\u0000${label}`;
          record(rps, key, m.rps);
          record(cpu, key, m.cpu);
          record(p50, key, m.p50);
          record(p99, key, m.p99);
          errors.set(key, (errors.get(key) ?? 0) + m.errors);
        }
      } finally {
        await stop(running);
      }
    }
  }
  const loadAfter = loadavg()[0];
  const [raw, fastapi] = [VALIDATION_SERVERS[0].name, "FastAPI + uvicorn"];
  const lines = [
    "# Validated routes: FastAPI-style request validation",
    "",
    `Machine: ${machineName()}. Load: \`wrk -t1 -c${CONNECTIONS} -d${DURATION}s --latency\` after ${WARMUP} s of unrecorded warm-up on the same route;`,
    `the servers take turns, ${ROUNDS} rounds, each round starting one server later and loading the two routes in the other order.${PINNED_NOTE}`,
    `Command: \`npm run bench -- --validation${PIN ? " --pin" : ""}\`. Every figure is the median of the rounds; "range" gives the lowest and highest round.`,
    "Server CPU is the server process's user + system time per request (from /proc) while wrk ran: it moves less than requests/s on a shared machine.",
    "wrk and the server share the machine's cores, so a server's throughput also depends on how much CPU wrk is left;",
    `the 1-minute load average was ${loadBefore.toFixed(2)} before the run and ${loadAfter.toFixed(2)} after it (wrk and a server alone make about 2).`,
    "",
    "`POST /items` sends the body of bench/post-item.lua (a valid 6-field item without `tax`); the server validates it (a string of 1-50 characters,",
    "an optional string or null, a number > 0, an optional number or null, a list of strings defaulting to [], a required boolean) and echoes",
    `the item with its defaults. \`GET ${SEARCH}\` converts and checks \`q\` (2 characters or more), \`limit\` (an integer of 1-100,`,
    "default 10) and `offset` (an integer ≥ 0, default 0) and answers them as JSON. Invalid input gets 422; bench/validation.ts checks",
    "every server's answers, valid and invalid, before each load.",
    "",
    "| server | what validates |",
    "| --- | --- |",
    ...VALIDATION_SERVERS.map((s) => `| ${s.name} | ${VALIDATION_NOTES[s.name] ?? ""} |`),
    "",
  ];
  for (const [label] of VALIDATION_ROUTES) {
    const of = (server: string): number => median(rps.get(`${server}\u0000${label}`) ?? [NaN]);
    lines.push(
      `## \`${label}\``,
      "",
      `| server | req/s | range | to ${raw} | to ${fastapi} | server CPU µs/req | p50 ms | p99 ms | errors |`,
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    );
    for (const spec of VALIDATION_SERVERS) {
      const key = `${spec.name}\u0000${label}`;
      const all = rps.get(key) as number[];
      const value = median(all);
      lines.push(
        `| ${spec.name} | ${Math.round(value)} | ${Math.round(Math.min(...all))}-${Math.round(Math.max(...all))} | ${(value / of(raw)).toFixed(2)} | ${(value / of(fastapi)).toFixed(2)} | ${formatCpu(median(cpu.get(key) as number[]))} | ${median(p50.get(key) as number[]).toFixed(2)} | ${median(p99.get(key) as number[]).toFixed(2)} | ${errors.get(key) ?? 0} |`,
      );
    }
    lines.push("");
  }
  const file = `validation-results${PINNED}.md`;
  writeFileSync(new URL(file, import.meta.url), lines.join("\n"));
  console.log(lines.join("\n"));
  console.log(`wrote bench/${file}`);
}

const VALIDATION_NOTES: Record<string, string> = {
  "raw node:http + zod": "`node:http`, the body read by hand, `JSON.parse`, zod 4's `safeParse`, `JSON.stringify`; the query through `URLSearchParams` and `z.coerce`: the baseline",
  "least ASGI bridge + bare ASGI app":
    "no framework: the routes written by hand on ASGI messages (the same zod parse and `JSON.stringify`) under the least ASGI bridge on `node:http` " +
    "(bench/servers/asgi-floor.mjs: the scope, `receive` and `send` closures, the body in one message, the response written at once): the ceiling of any ASGI framework here",
  "starlette-ts + zod": "this package's core (`dist/`), `App` routes with `await request.json()` and zod's `safeParse` written in the endpoint, `JSONResponse`",
  "starlette-ts/fastapi": "this package's FastAPI layer (`dist/fastapi/`), `Body(Item)` and `Query(...)` with zod schemas",
  "Fastify 5 (ajv)": "Fastify's own JSON-schema validation (ajv, compiled; it converts the query's text to integers), a 422 error handler, no response schema",
  "Hono 4 + zod-validator": "`@hono/zod-validator`'s `zValidator(\"json\")` and `zValidator(\"query\")` with a 422 hook, on `@hono/node-server`",
  "Elysia 1.4 + zod":
    "Elysia's `body` and `query` given the zod schemas (Standard Schema), on Node through `@elysiajs/node`; the body parsed by content type, Elysia's default " +
    "(a route with `parse: \"json\"`, not used here, skips the Web `request.body` stream the adapter makes for that and more than doubled POST throughput in a probe)",
  "FastAPI + uvicorn": "FastAPI 0.142 with a pydantic 2 model and `Query(ge=, le=)` parameters, uvicorn 0.54 with uvloop and httptools, one worker, access log off",
};

function machineName(): string {
  return `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

const LEAN_LAYER: ServerSpec = { name: "lean-layer experiment", command: [process.execPath, "experiments/lean-layer.mjs"] };

/** What ten http layers cost against ten layers that keep only the core of BaseHTTPMiddleware's contract. */
async function leanComparison(): Promise<void> {
  const ours = SERVERS.find((s) => s.name === "starlette-ts") as ServerSpec;
  const cases = [
    { label: "starlette-ts, /plain", spec: ours, mode: "plain", layers: 0 },
    { label: "starlette-ts, 10 http middleware", spec: ours, mode: "http", layers: 10 },
    { label: "10 lean layers", spec: LEAN_LAYER, mode: "http", layers: 10 },
  ];
  const rps = cases.map((): number[] => []);
  const cpu = cases.map((): number[] => []);
  for (let round = 0; round < ROUNDS; round++) {
    console.log(`round ${round + 1} of ${ROUNDS}`);
    // Each round starts one case later, so that none is always first.
    for (let k = 0; k < cases.length; k++) {
      const i = (k + round) % cases.length;
      const c = cases[i];
      const running = await start(c.spec, c.mode, c.layers);
      try {
        await check(c.spec, running.port, true);
        const m = load(c.spec.name, c.label, `http://127.0.0.1:${running.port}/plain`, "", running.child.pid);
        rps[i].push(m.rps);
        cpu[i].push(m.cpu);
      } finally {
        await stop(running);
      }
    }
  }
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const lines = [
    "# Ten http layers against ten lean layers",
    "",
    `Machine: ${machine}. Load: \`wrk -t1 -c${CONNECTIONS} -d${DURATION}s\` on /plain after ${WARMUP} s of warm-up; the three servers take turns, ${ROUNDS} rounds.${PINNED_NOTE}`,
    `Command: \`npm run bench -- --lean${PIN ? " --pin" : ""}\`. Medians of the rounds. The lean layer is bench/experiments/lean-layer.mjs.`,
    "",
    "| configuration | req/s | of /plain | server CPU µs/req | CPU added to /plain |",
    "| --- | ---: | ---: | ---: | ---: |",
  ];
  const base = median(rps[0]);
  const baseCpu = median(cpu[0]);
  cases.forEach((c, i) => {
    const added = i === 0 ? "" : formatCpu(median(cpu[i]) - baseCpu);
    lines.push(`| ${c.label} | ${Math.round(median(rps[i]))} | ${(median(rps[i]) / base).toFixed(2)} | ${formatCpu(median(cpu[i]))} | ${added} |`);
  });
  lines.push("");
  const file = `lean-results${PINNED}.md`;
  writeFileSync(new URL(file, import.meta.url), lines.join("\n"));
  console.log(lines.join("\n"));
  console.log(`wrote bench/${file}`);
}

async function main(): Promise<void> {
  const which = spawnSync("wrk", ["--version"], { encoding: "utf8" });
  if (which.error) throw new Error("wrk is needed: apt-get install wrk");
  if (PAIR !== null) return pair(PAIR);
  if (LEAN) return leanComparison();
  if (VALIDATION) return validationSuite();
  if (STATIC) return staticSuite({ start, stop, load, uvicorn: UVICORN, rounds: ROUNDS, connections: CONNECTIONS, duration: DURATION, warmup: WARMUP });
  if (WORKERS) return workersSuite({ start, stop, load, rounds: ROUNDS, connections: CONNECTIONS, duration: DURATION, warmup: WARMUP, pin: PIN });
  if (BUN) return bunSuite({ start, stop, load, rounds: ROUNDS, connections: CONNECTIONS, duration: DURATION, warmup: WARMUP, pin: PIN });
  if (WEBSOCKETS) return websocketSuite({ start, stop, uvicorn: UVICORN, rounds: ROUNDS, duration: DURATION, warmup: WARMUP });
  if (MIDDLEWARE) return middlewareSuite({ start, stop, load, uvicorn: UVICORN, rounds: ROUNDS, connections: CONNECTIONS, duration: DURATION, warmup: WARMUP });
  const results: Measurement[] = [];
  const growth: Measurement[] = [];
  console.log(SMOKE ? "Smoke run: checking every server's answers" : `Load: wrk -t1 -c${CONNECTIONS} -d${DURATION}s per measurement, after ${WARMUP} s of warm-up`);

  const best = new Map<string, Measurement>();
  const keep = (m: Measurement): void => keepBest(best, m);
  for (let round = 0; round < (SMOKE ? 1 : ROUNDS); round++) {
    if (!SMOKE) console.log(`round ${round + 1} of ${ROUNDS}`);
    for (const spec of SERVERS) {
      for (const [mode, layers, routes] of CONFIGS) {
        const running = await start(spec, mode, layers);
        try {
          const cookie = await check(spec, running.port, mode !== "plain");
          if (SMOKE) {
            console.log(`  ok  ${spec.name} (${mode}${layers ? ` x${layers}` : ""})`);
            continue;
          }
          for (const route of routes) {
            keep(load(spec.name, routeLabel(mode, layers, route), `http://127.0.0.1:${running.port}${route}`, route.startsWith("/session") ? cookie : "", running.child.pid));
          }
        } finally {
          await stop(running);
        }
      }
    }
  }
  results.push(...best.values());
  if (SMOKE) {
    // The growth series' third kind of layer.
    const ours = SERVERS.find((s) => s.name === "starlette-ts") as ServerSpec;
    const running = await start(ours, "await", 10);
    try {
      await check(ours, running.port, true);
      console.log(`  ok  ${ours.name} (await x10)`);
    } finally {
      await stop(running);
    }
    // The measurement docs/performance.md quotes from bench/experiments/.
    const experiment = await start(LEAN_LAYER, "http", 10);
    try {
      await check(LEAN_LAYER, experiment.port, true);
      console.log(`  ok  ${LEAN_LAYER.name} (x10)`);
    } finally {
      await stop(experiment);
    }
    // The validation suite's servers, answers valid and invalid.
    for (const spec of VALIDATION_SERVERS) {
      const running = await start(spec, "plain", 0);
      try {
        await checkValidation(spec.name, running.port);
        console.log(`  ok  ${spec.name} (validation)`);
      } finally {
        await stop(running);
      }
    }
    // The static-files suite's servers: both files byte for byte, and a 404.
    prepareStaticFiles();
    try {
      for (const spec of staticServers(UVICORN)) {
        const running = await start(spec, "plain", 0);
        try {
          await checkStatic(spec.name, running.port);
          console.log(`  ok  ${spec.name} (static)`);
        } finally {
          await stop(running);
        }
      }
    } finally {
      removeStaticFiles();
    }
    // The websocket suite's servers: each echoes a 100-byte text message.
    for (const spec of websocketServers(UVICORN)) {
      const running = await start(spec, "plain", 0);
      try {
        await checkWebsockets(spec.name, running.port);
        console.log(`  ok  ${spec.name} (websockets)`);
      } finally {
        await stop(running);
      }
    }
    // The middleware suite's servers: the preflight's headers, and the JSON gzipped and plain.
    prepareMiddlewarePayload();
    try {
      for (const spec of middlewareServers(UVICORN)) {
        const running = await start(spec, "plain", 0);
        try {
          await checkMiddleware(spec.name, running.port);
          console.log(`  ok  ${spec.name} (middleware)`);
        } finally {
          await stop(running);
        }
      }
    } finally {
      removeMiddlewarePayload();
    }
    console.log("every server answered correctly");
    return;
  }

  // How cost grows: layers of each kind, and session size (starlette-ts beside raw node:http),
  // best of the same number of rounds.
  const growthBest = new Map<string, Measurement>();
  const keepGrowth = (m: Measurement): void => keepBest(growthBest, m);
  for (let round = 0; round < ROUNDS; round++) {
    console.log(`growth, round ${round + 1} of ${ROUNDS}`);
    for (const spec of SERVERS.filter((s) => s.seeds)) {
      // "await": ASGI layers that await the inner app, the least any middleware waiting for it costs.
      for (const mode of ["http", "asgi", "await"] as const) {
        for (const layers of [1, 5, 10, 20]) {
          if (spec.name !== "starlette-ts") continue;
          const running = await start(spec, mode, layers);
          try {
            keepGrowth(load(spec.name, `${mode} x${layers}`, `http://127.0.0.1:${running.port}/plain`, "", running.child.pid));
          } finally {
            await stop(running);
          }
        }
      }
      const running = await start(spec, "plain", 0);
      try {
        for (const bytes of [100, 1024, 3584]) {
          // The size is the cookie's: base64 makes the JSON a third larger, the timestamp and signature add ~40 bytes.
          const pad = Math.max(0, Math.floor(((bytes - 40) * 3) / 4) - 20);
          try {
            const seeded = await get(`http://127.0.0.1:${running.port}/session/seed?bytes=${pad}`);
            const cookie = cookiesOf(seeded);
            keepGrowth(load(spec.name, `session ${bytes} B (cookie ${cookie.length} B)`, `http://127.0.0.1:${running.port}/session/incr`, cookie, running.child.pid));
          } catch (error) {
            console.log(`  ${spec.name}: session ${bytes} B failed: ${String(error)}`);
          }
        }
      } finally {
        await stop(running);
      }
    }
  }
  growth.push(...growthBest.values());

  const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  writeFileSync(new URL("results.md", import.meta.url), renderResults(results, growth, machine));
  writeFileSync(new URL("results.svg", import.meta.url), renderChart(results));
  console.log("wrote bench/results.md and bench/results.svg");
}

function renderResults(results: Measurement[], growth: Measurement[], machine: string): string {
  const raw = new Map(results.filter((r) => r.server === "raw node:http").map((r) => [r.route, r.rps]));
  const lines = [
    "# Benchmark results",
    "",
    `Machine: ${machine}. Load: \`wrk -t1 -c${CONNECTIONS} -d${DURATION}s --latency\` per measurement after ${WARMUP} s of unrecorded warm-up on the same route, on 127.0.0.1, one server at a time;`,
    `each row is the best of ${ROUNDS} rounds (a round measures every server once), since the machine is shared.`,
    "Command: `npm run bench`. Ratios are to the raw node:http row of the same route. Server CPU: the server process's user + system time",
    "per request (from /proc) during that measurement, kernel work on its sockets included.",
    "",
    "| server | route | req/s | ratio to raw | p50 ms | p99 ms | server CPU µs/req | errors |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  const routes = [...new Set(results.map((r) => r.route))];
  for (const route of routes) {
    for (const r of results.filter((x) => x.route === route)) {
      const ratio = raw.get(route) ? (r.rps / (raw.get(route) as number)).toFixed(2) : "";
      lines.push(`| ${r.server} | ${r.route} | ${Math.round(r.rps)} | ${ratio} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${formatCpu(r.cpu)} | ${r.errors} |`);
    }
  }
  lines.push(
    "",
    "## How cost grows",
    "",
    '`/plain` behind N `app.middleware("http")` layers (http xN), N pure ASGI layers that return the inner app\'s promise (asgi xN),',
    "and N pure ASGI layers that await it (await xN: the least a middleware that waits for the inner app costs); then `/session/incr` by cookie size.",
    "",
    "| server | configuration | req/s | p50 ms | p99 ms | server CPU µs/req |",
    "| --- | --- | ---: | ---: | ---: | ---: |",
  );
  for (const g of growth) lines.push(`| ${g.server} | ${g.route} | ${Math.round(g.rps)} | ${g.p50.toFixed(2)} | ${g.p99.toFixed(2)} | ${formatCpu(g.cpu)} |`);
  lines.push("");
  return lines.join("\n");
}

await main();
