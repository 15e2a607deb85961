// The static-files suite (`npm run bench -- --static`): a 1 KiB and a 1 MiB file from each
// static-file server, beside a raw node:http server piping fs.createReadStream. Every server's
// answers are checked (bytes, content length, a 404) before it is loaded and in the smoke run.
// The files are written to a temporary directory at the start, 4 s before the first load, so
// that starlette-ts's cache sees them as settled (see src/_file_cache.ts), as a deployed site's are.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { median, type Running, type Load as Measurement, record } from "./stats.js";

export interface StaticSpec {
  name: string;
  command: string[];
  ready: string;
  note: string;
}

/** What the suite borrows from run.ts, which owns the server processes and wrk. */
export interface Harness {
  start(spec: StaticSpec, mode: string, layers: number): Promise<Running>;
  stop(running: Running): Promise<void>;
  load(server: string, route: string, url: string, cookie: string, pid: number | undefined, seconds?: number, extra?: string[]): Measurement;
  uvicorn: string[];
  rounds: number;
  connections: number;
  duration: number;
  warmup: number;
}

const FILES = [
  ["1 KiB", "1k.bin", 1024],
  ["1 MiB", "1m.bin", 1024 * 1024],
] as const;

export function staticServers(uvicorn: string[]): StaticSpec[] {
  const node = (file: string): string[] => [process.execPath, `servers/${file}`];
  const ready = "/static/1k.bin";
  return [
    { name: "raw node:http", command: node("static-raw.mjs"), ready, note: "`node:http`, `fs.stat` for the length, then `fs.createReadStream(path).pipe(res)`: the baseline" },
    { name: "starlette-ts", command: node("static-starlette-ts.mjs"), ready, note: "`app.mount(\"/static\", new StaticFiles({ directory }))` from `dist/`, the default file cache (a stat per request, the bytes from memory)" },
    {
      name: "starlette-ts, cacheSize 0",
      command: [process.execPath, "servers/static-starlette-ts.mjs", "--no-cache"],
      ready,
      note: "the same with `cacheSize: 0`: Starlette's own path (a realpath, a stat, an open and reads per request)",
    },
    { name: "Fastify 5 + @fastify/static", command: node("static-fastify.mjs"), ready, note: "`@fastify/static` 10 (send: a stat and a stream per request)" },
    { name: "Express 5 + serve-static", command: node("static-express.mjs"), ready, note: "`serve-static` 2 (what `express.static` is)" },
    { name: "Hono 4 serveStatic", command: node("static-hono.mjs"), ready, note: "`serveStatic` of `@hono/node-server/serve-static`" },
    { name: "Starlette + uvicorn", command: [...uvicorn, "static_starlette:app", "--port"], ready, note: "Starlette 1.7's `StaticFiles` under uvicorn 0.54 (uvloop, httptools), one worker" },
  ];
}

let directory: string | null = null;
let contents = new Map<string, Buffer>();

/** Writes the files served (random bytes) and points STATIC_DIR, which the servers read, at them. */
export function prepareStaticFiles(): string {
  directory = mkdtempSync(join(tmpdir(), "starlette-ts-bench-static-"));
  contents = new Map(FILES.map(([, name, size]) => [name, randomBytes(size)]));
  for (const [name, bytes] of contents) writeFileSync(join(directory, name), bytes);
  process.env.STATIC_DIR = directory;
  return directory;
}

export function removeStaticFiles(): void {
  if (directory !== null) rmSync(directory, { recursive: true, force: true });
  directory = null;
}

function fetchBytes(url: string): Promise<{ status: number; length: string | undefined; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode as number, length: res.headers["content-length"], body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

/** Throws, naming the server, unless each file comes back whole (with its length) and a missing one is a 404. */
export async function checkStatic(server: string, port: number): Promise<void> {
  for (const [name, bytes] of contents) {
    for (let i = 0; i < 2; i++) {
      const reply = await fetchBytes(`http://127.0.0.1:${port}/static/${name}`);
      if (reply.status !== 200 || !reply.body.equals(bytes) || reply.length !== String(bytes.length)) {
        throw new Error(`${server}: /static/${name} gave ${reply.status}, ${reply.body.length} bytes (content-length ${reply.length}); expected 200 and the file's ${bytes.length} bytes`);
      }
    }
  }
  const missing = await fetchBytes(`http://127.0.0.1:${port}/static/missing.bin`);
  if (missing.status !== 404) throw new Error(`${server}: /static/missing.bin gave ${missing.status}, expected 404`);
}

const formatCpu = (cpu: number): string => (Number.isNaN(cpu) ? "" : cpu.toFixed(1));

/** Every server, the two files, alternately, h.rounds times; writes static-results.md. */
export async function staticSuite(h: Harness): Promise<void> {
  const servers = staticServers(h.uvicorn);
  prepareStaticFiles();
  // Settled files, as a deployed site's are (the cache keeps bytes of files older than 3 s).
  await new Promise((r) => setTimeout(r, 4000));
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
          await checkStatic(spec.name, running.port);
          for (const [label, name] of round % 2 ? [...FILES].reverse() : FILES) {
            const m = h.load(spec.name, label, `http://127.0.0.1:${running.port}/static/${name}`, "", running.child.pid);
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
    removeStaticFiles();
  }
  const loadAfter = loadavg()[0];
  const raw = servers[0].name;
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const lines = [
    "# Static files: a 1 KiB and a 1 MiB file",
    "",
    `Machine: ${machine}. Load: \`wrk -t1 -c${h.connections} -d${h.duration}s --latency\` after ${h.warmup} s of unrecorded warm-up on the same file;`,
    `the servers take turns, ${h.rounds} rounds, each round starting one server later and loading the two files in the other order.`,
    "Command: `npm run bench -- --static`. Every figure is the median of the rounds; \"range\" gives the lowest and highest round.",
    "Server CPU is the server process's user + system time per request (from /proc) while wrk ran. wrk and the server share the",
    `machine's cores; the 1-minute load average was ${loadBefore.toFixed(2)} before the run and ${loadAfter.toFixed(2)} after it (wrk and a server alone make about 2).`,
    "Each server's answers are checked before it is loaded: both files byte for byte with their Content-Length, and a 404.",
    "",
    "| server | what serves |",
    "| --- | --- |",
    ...servers.map((s) => `| ${s.name} | ${s.note} |`),
    "",
  ];
  for (const [label, , size] of FILES) {
    lines.push(`## ${label}`, "", `| server | req/s | range | MB/s | to ${raw} | server CPU µs/req | p99 ms | errors |`, "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    const base = median(rps.get(`${raw}\u0000${label}`) ?? [NaN]);
    for (const spec of servers) {
      const key = `${spec.name}\u0000${label}`;
      const all = rps.get(key) as number[];
      const value = median(all);
      lines.push(
        `| ${spec.name} | ${Math.round(value)} | ${Math.round(Math.min(...all))}-${Math.round(Math.max(...all))} | ${((value * size) / 1e6).toFixed(0)} | ${(value / base).toFixed(2)} | ${formatCpu(median(cpu.get(key) as number[]))} | ${median(p99.get(key) as number[]).toFixed(2)} | ${errors.get(key) ?? 0} |`,
      );
    }
    lines.push("");
  }
  writeFileSync(new URL("static-results.md", import.meta.url), lines.join("\n"));
  console.log(lines.join("\n"));
  console.log("wrote bench/static-results.md");
}
