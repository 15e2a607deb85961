// Alternating A/B rounds of builds of the package (and the raw zod server) under wrk:
//   node bench/experiments/ab.mjs ROUNDS CONNECTIONS name=/path/to/dist ... [raw]
// Each round loads POST /items, GET /search and GET /plain on every server, in an order that
// rotates each round; prints the medians of req/s and of server CPU µs per request (/proc).
// Build each side first, e.g. `npx tsc -p tsconfig.json --outDir /tmp/ab/base`. "raw" runs
// bench/servers/raw-zod.mjs (its /plain row loads GET /search?q=shoes), "floor" the least ASGI bridge
// (bench/servers/asgi-floor.mjs) under a bare ASGI app. AB_ROUTES=post,search,plain
// picks the routes, AB_SECONDS the measured seconds (after 1 s of warm-up); AB_APP=fastapi serves the
// same routes through the FastAPI layer instead of the core, AB_APP=bare through a bare ASGI function
// (bench/experiments/ab-server.mjs); a spec named name@app picks its own, e.g. fa@fastapi=dist.
import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";

const here = new URL("..", import.meta.url).pathname;
const [rounds, connections, ...specs] = process.argv.slice(2);
const SECONDS = Number(process.env.AB_SECONDS ?? 3);
const ROUTES = (process.env.AB_ROUTES ?? "post,search,plain").split(",");
const TICKS = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;

const freePort = () => new Promise((resolve) => {
  const s = createServer().listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => resolve(p)); });
});
const cpu = (pid) => { const f = readFileSync(`/proc/${pid}/stat`, "utf8"); const x = f.slice(f.lastIndexOf(")") + 2).split(" "); return (Number(x[11]) + Number(x[12])) / TICKS; };

async function start(spec) {
  const [name, dist] = spec.split("=");
  // name@app serves that app (core, fastapi, bare) whatever AB_APP says.
  const app = name.includes("@") ? name.slice(name.indexOf("@") + 1) : process.env.AB_APP;
  const port = await freePort();
  const file = name === "raw" ? "servers/raw-zod.mjs" : name === "floor" ? "servers/asgi-floor.mjs" : "experiments/ab-server.mjs";
  const child = spawn(process.execPath, [...(process.env.AB_NODE_ARGS ? process.env.AB_NODE_ARGS.split(" ") : []), file], { cwd: here, env: { ...process.env, AB_APP: app ?? "", PORT: String(port), DIST: dist }, stdio: ["ignore", "inherit", "inherit"] });
  for (let i = 0; i < 100; i++) {
    try { const r = await fetch(`http://127.0.0.1:${port}/search?q=ready`); if (r.status === 200) break; } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  return { name, port, child };
}
const url = (s, route) => `http://127.0.0.1:${s.port}${route === "post" ? "/items" : route === "search" ? "/search?q=shoes&limit=20&offset=40" : route === "plain" ? (s.name === "raw" ? "/search?q=shoes" : "/plain") : route}`;
function wrk(s, route, seconds, latency = false) {
  const args = ["-t1", `-c${connections}`, `-d${seconds}s`, ...(latency ? ["--latency"] : []), ...(route === "post" ? ["-s", `${here}post-item.lua`] : []), url(s, route)];
  const before = cpu(s.child.pid);
  const out = spawnSync("wrk", args, { encoding: "utf8" });
  const after = cpu(s.child.pid);
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out.stdout)?.[1]);
  const n = Number(/(\d+) requests in/.exec(out.stdout)?.[1]);
  const non2 = /Non-2xx/.test(out.stdout);
  return { rps, cpu: ((after - before) * 1e6) / n, non2 };
}
const servers = [];
for (const spec of specs) servers.push(await start(spec));
const results = new Map();
for (let r = 0; r < Number(rounds); r++) {
  const order = servers.map((_, i) => servers[(i + r) % servers.length]);
  if (r % 2) order.reverse();
  for (const route of ROUTES) for (const s of order) {
    wrk(s, route, 1);
    const m = wrk(s, route, SECONDS);
    const key = `${route}\t${s.name}`;
    if (!results.has(key)) results.set(key, []);
    results.get(key).push(m);
    console.log(`r${r} ${route.padEnd(7)} ${s.name.padEnd(10)} ${Math.round(m.rps).toString().padStart(6)} ${m.cpu.toFixed(1)}${m.non2 ? " NON2XX" : ""}`);
  }
}
const med = (a) => { const b = [...a].sort((x, y) => x - y); const m = b.length >> 1; return b.length % 2 ? b[m] : (b[m - 1] + b[m]) / 2; };
console.log("\nroute   server      med req/s  med cpu µs  rounds");
for (const [key, ms] of results) {
  const [route, name] = key.split("\t");
  console.log(`${route.padEnd(7)} ${name.padEnd(10)} ${Math.round(med(ms.map((m) => m.rps))).toString().padStart(9)}  ${med(ms.map((m) => m.cpu)).toFixed(1).padStart(9)}   ${ms.map((m) => Math.round(m.rps / 100) / 10).join(" ")}`);
}
for (const s of servers) s.child.kill("SIGTERM");
