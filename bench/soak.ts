// Load and soak: 200 concurrent connections on /session/incr for 30 s with no
// error, then a million requests with memory measured (after a forced GC)
// before and after. Loopback only, bounded in time.
//   npm run bench:soak                 the full run (about two minutes)
//   npm run bench:soak -- --smoke      a 5-second version (CI)
import { spawn, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { cookiesOf, get } from "./http.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const SMOKE = process.argv.includes("--smoke");

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

interface Wrk {
  requests: number;
  rps: number;
  errors: number;
  non2xx: number;
}

function wrk(url: string, connections: number, seconds: number, cookie: string): Wrk {
  const out = spawnSync("wrk", ["-t2", `-c${connections}`, `-d${seconds}s`, "-H", `Cookie: ${cookie}`, url], { encoding: "utf8", timeout: (seconds + 60) * 1000 });
  if (out.status !== 0) throw new Error(`wrk failed: ${out.stderr}`);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out.stdout);
  return {
    requests: Number(/(\d+) requests in/.exec(out.stdout)?.[1]),
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out.stdout)?.[1]),
    errors: socket ? socket.slice(1).reduce((a, b) => a + Number(b), 0) : 0,
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(out.stdout)?.[1] ?? 0),
  };
}

async function memory(base: string): Promise<{ rss: number; heapUsed: number }> {
  return JSON.parse((await get(`${base}/__memory`)).text) as { rss: number; heapUsed: number };
}

const mb = (n: number) => `${(n / 2 ** 20).toFixed(1)} MiB`;

async function main(): Promise<void> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--expose-gc", "servers/soak.mjs"], { cwd: here, env: { ...process.env, PORT: String(port) }, stdio: "inherit" });
  const base = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; i < 100; i++) {
      try {
        if ((await get(`${base}/plain`)).status === 200) break;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const cookie = cookiesOf(await get(`${base}/session/incr`));
    const failures: string[] = [];

    const loadSeconds = SMOKE ? 5 : 30;
    const load = wrk(`${base}/session/incr`, 200, loadSeconds, cookie);
    console.log(`200 connections, ${loadSeconds} s on /session/incr: ${load.requests} requests, ${Math.round(load.rps)} req/s, ${load.errors} socket errors, ${load.non2xx} non-2xx`);
    if (load.errors || load.non2xx) failures.push("errors under load");

    const start = await memory(base);
    const target = SMOKE ? 20_000 : 1_000_000;
    let done = 0;
    while (done < target) {
      const seconds = Math.max(2, Math.ceil((target - done) / Math.max(load.rps, 1000)));
      const run = wrk(`${base}/session/incr`, 50, Math.min(seconds, 90), cookie);
      done += run.requests;
      if (run.errors || run.non2xx) failures.push("errors during the soak");
    }
    const end = await memory(base);
    const growth = end.rss - start.rss;
    console.log(`soak: ${done} requests; after GC: RSS ${mb(start.rss)} -> ${mb(end.rss)}, heap ${mb(start.heapUsed)} -> ${mb(end.heapUsed)}`);
    // Flat: the heap after GC comes back to where it was (a few MiB of noise allowed).
    if (end.heapUsed - start.heapUsed > 8 * 2 ** 20) failures.push(`heap grew by ${mb(end.heapUsed - start.heapUsed)}`);
    if (!SMOKE) {
      writeFileSync(
        new URL("soak-results.md", import.meta.url),
        `# Load and soak\n\n- 200 connections for ${loadSeconds} s on /session/incr: ${load.requests} requests (${Math.round(load.rps)} req/s), ${load.errors} socket errors, ${load.non2xx} non-2xx responses.\n` +
          `- ${done} requests on /session/incr; after a forced GC: RSS ${mb(start.rss)} -> ${mb(end.rss)} (${growth >= 0 ? "+" : ""}${mb(growth)}), heap ${mb(start.heapUsed)} -> ${mb(end.heapUsed)}.\n`,
      );
    }
    if (failures.length) throw new Error(failures.join("; "));
    console.log("load and soak: no errors, memory flat");
  } finally {
    child.kill("SIGTERM");
  }
}

await main();
