// The middleware suite (`npm run bench -- --middleware`): a CORS preflight and a gzipped 10 KiB
// JSON on starlette-ts (CORSMiddleware, GZipMiddleware), Fastify (@fastify/cors, @fastify/compress),
// Express (cors, compression), Starlette under uvicorn, and node:http doing both by hand. Every
// server compresses at level 9 (Starlette's default; compression's and @fastify/compress's is 6).
// Each server's answers are checked before it is loaded and in the smoke run: the preflight's
// CORS headers, and the JSON decompressed byte for byte.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import type { Harness, StaticSpec } from "./static.js";
import { median, record } from "./stats.js";

export type MiddlewareSpec = StaticSpec;

const ROUTES = [
  ["CORS preflight", "/json10k", ["-s", fileURLToPath(new URL("preflight.lua", import.meta.url))]],
  ["gzip, 10 KiB JSON", "/json10k", ["-H", "Accept-Encoding: gzip"]],
] as const;

export function middlewareServers(uvicorn: string[]): MiddlewareSpec[] {
  const node = (file: string): string[] => [process.execPath, `servers/${file}`];
  const ready = "/json10k";
  return [
    { name: "raw node:http", command: node("middleware-raw.mjs"), ready, note: "`node:http`, the preflight's headers written by hand, `zlib.gzipSync(body, { level: 9 })` per request: the baseline" },
    { name: "starlette-ts", command: node("middleware-starlette-ts.mjs"), ready, note: "`CORSMiddleware` and `GZipMiddleware` from `dist/`, `serve()`" },
    { name: "Fastify 5", command: node("middleware-fastify.mjs"), ready, note: "`@fastify/cors` 11 and `@fastify/compress` 9 (gzip, level 9, threshold 500)" },
    { name: "Express 5", command: node("middleware-express.mjs"), ready, note: "`cors` 2 and `compression` 1 (level 9, threshold 500)" },
    { name: "Starlette + uvicorn", command: [...uvicorn, "middleware_starlette:app", "--port"], ready, note: "Starlette 1.7's `CORSMiddleware` and `GZipMiddleware` under uvicorn 0.54 (uvloop, httptools), one worker" },
  ];
}

let directory: string | null = null;
let payload = Buffer.alloc(0);

/** Writes the 10 KiB JSON the servers answer and points MIDDLEWARE_PAYLOAD, which they read, at it. */
export function prepareMiddlewarePayload(): void {
  // As many records as fit in 10 KiB.
  const items: object[] = [];
  for (let i = 0; ; i++) {
    const item = { id: i, name: `item ${i}`, email: `user${i}@example.org`, active: i % 3 === 0, tags: ["a", "b", String(i % 7)] };
    if (JSON.stringify([...items, item]).length > 10 * 1024) break;
    items.push(item);
  }
  payload = Buffer.from(JSON.stringify(items));
  directory = mkdtempSync(join(tmpdir(), "starlette-ts-bench-middleware-"));
  writeFileSync(join(directory, "payload.json"), payload);
  process.env.MIDDLEWARE_PAYLOAD = join(directory, "payload.json");
}

export function removeMiddlewarePayload(): void {
  if (directory !== null) rmSync(directory, { recursive: true, force: true });
  directory = null;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function send(url: string, method: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode as number, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

/** Throws, naming the server, unless the preflight allows the PUT and the JSON comes back gzipped and whole. */
export async function checkMiddleware(server: string, port: number): Promise<void> {
  const base = `http://127.0.0.1:${port}`;
  const fail = (what: string): never => {
    throw new Error(`${server}: ${what}`);
  };
  const preflight = await send(`${base}/json10k`, "OPTIONS", { Origin: "https://app.example", "Access-Control-Request-Method": "PUT", "Access-Control-Request-Headers": "content-type, x-token" });
  const h = preflight.headers;
  if (preflight.status !== 200 && preflight.status !== 204) fail(`the preflight gave ${preflight.status}`);
  if (h["access-control-allow-origin"] !== "https://app.example" || h["access-control-allow-credentials"] !== "true") fail(`the preflight's allow headers: ${JSON.stringify(h)}`);
  if (!/PUT/.test(String(h["access-control-allow-methods"])) || !/x-token/i.test(String(h["access-control-allow-headers"])) || h["access-control-max-age"] !== "600") {
    fail(`the preflight's method, header and max-age answers: ${JSON.stringify(h)}`);
  }
  const refused = await send(`${base}/json10k`, "OPTIONS", { Origin: "https://evil.example", "Access-Control-Request-Method": "PUT" });
  if (refused.headers["access-control-allow-origin"] === "https://evil.example" || refused.headers["access-control-allow-origin"] === "*") fail("another origin was allowed");
  const gzipped = await send(`${base}/json10k`, "GET", { "Accept-Encoding": "gzip" });
  if (gzipped.status !== 200 || gzipped.headers["content-encoding"] !== "gzip") fail(`/json10k with Accept-Encoding gzip gave ${gzipped.status}, encoding ${gzipped.headers["content-encoding"]}`);
  if (!gunzipSync(gzipped.body).equals(payload)) fail("/json10k decompressed is not the payload");
  const plain = await send(`${base}/json10k`, "GET", {});
  if (plain.headers["content-encoding"] !== undefined || !plain.body.equals(payload)) fail("/json10k without Accept-Encoding is not the payload as it is");
}

const formatCpu = (cpu: number): string => (Number.isNaN(cpu) ? "" : cpu.toFixed(1));

/** Every server, both loads, in turns, h.rounds times; writes middleware-results.md. */
export async function middlewareSuite(h: Harness): Promise<void> {
  const servers = middlewareServers(h.uvicorn);
  prepareMiddlewarePayload();
  const loadBefore = loadavg()[0];
  const rps = new Map<string, number[]>();
  const cpu = new Map<string, number[]>();
  const p99 = new Map<string, number[]>();
  const errors = new Map<string, number>();
  try {
    for (let round = 0; round < h.rounds; round++) {
      console.log(`round ${round + 1} of ${h.rounds}`);
      for (let k = 0; k < servers.length; k++) {
        const spec = servers[(k + round) % servers.length];
        const running = await h.start(spec, "plain", 0);
        try {
          await checkMiddleware(spec.name, running.port);
          for (const [label, path, extra] of round % 2 ? [...ROUTES].reverse() : ROUTES) {
            const m = h.load(spec.name, label, `http://127.0.0.1:${running.port}${path}`, "", running.child.pid, h.duration, [...extra]);
            const key = `${spec.name}\u0000${label}`;
            record(rps, key, m.rps);
            record(cpu, key, m.cpu);
            record(p99, key, m.p99);
            errors.set(key, (errors.get(key) ?? 0) + m.errors);
          }
        } finally {
          await h.stop(running);
        }
      }
    }
  } finally {
    removeMiddlewarePayload();
  }
  const loadAfter = loadavg()[0];
  const raw = servers[0].name;
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const lines = [
    "# Middleware: a CORS preflight and a gzipped 10 KiB JSON",
    "",
    `Machine: ${machine}. Load: \`wrk -t1 -c${h.connections} -d${h.duration}s --latency\` after ${h.warmup} s of unrecorded warm-up on the same route;`,
    `the servers take turns, ${h.rounds} rounds, each round starting one server later and loading the two routes in the other order.`,
    "Command: `npm run bench -- --middleware`. Every figure is the median of the rounds; \"range\" gives the lowest and highest round.",
    "Server CPU is the server process's user + system time per request (from /proc) while wrk ran. wrk and the server share the",
    `machine's cores; the 1-minute load average was ${loadBefore.toFixed(2)} before the run and ${loadAfter.toFixed(2)} after it (wrk and a server alone make about 2).`,
    "",
    "The preflight (bench/preflight.lua) asks whether https://app.example may PUT with Content-Type and X-Token; every server allows",
    "that origin only, GET and PUT, those two headers, credentials, and a max-age of 600 s. The JSON is the same 10 KiB on every",
    `server (${payload.length} bytes), compressed on every request at level 9. Before each server is loaded, its preflight answer, a refused`,
    "origin, and the JSON (decompressed, and without Accept-Encoding) are checked.",
    "",
    "| server | what answers |",
    "| --- | --- |",
    ...servers.map((s) => `| ${s.name} | ${s.note} |`),
    "",
  ];
  for (const [label] of ROUTES) {
    lines.push(`## ${label}`, "", `| server | req/s | range | to ${raw} | server CPU µs/req | p99 ms | errors |`, "| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    const base = median(rps.get(`${raw}\u0000${label}`) ?? [NaN]);
    for (const spec of servers) {
      const key = `${spec.name}\u0000${label}`;
      const all = rps.get(key) as number[];
      const value = median(all);
      lines.push(
        `| ${spec.name} | ${Math.round(value)} | ${Math.round(Math.min(...all))}-${Math.round(Math.max(...all))} | ${(value / base).toFixed(2)} | ${formatCpu(median(cpu.get(key) as number[]))} | ${median(p99.get(key) as number[]).toFixed(2)} | ${errors.get(key) ?? 0} |`,
      );
    }
    lines.push("");
  }
  writeFileSync(new URL("middleware-results.md", import.meta.url), lines.join("\n"));
  console.log(lines.join("\n"));
  console.log("wrote bench/middleware-results.md");
}
