// The OpenAPI document of an app with 200 path operations (issue 18): how long building it takes,
// and /openapi.json served beside /json by the same server, under wrk. Writes openapi-results.md.
//   node --conditions=source --import tsx bench/openapi.ts            the full run (about a minute)
//   node --conditions=source --import tsx bench/openapi.ts --smoke    one short round, to check it runs
// The apps are built from src/ (tsx): the document is made at run time, as a user's app makes it.
import { spawn, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import * as z from "zod";
import { serve } from "../src/server.js";
import * as fastapi from "../src/fastapi/index.js";
import { FastAPI, Response } from "../src/fastapi/index.js";
import { openapiJson } from "../src/fastapi/openapi/models.js";
import { APIRoute } from "../src/fastapi/routing.js";
import { get } from "./http.js";

const SMOKE = process.argv.includes("--smoke");
const ROUTES = 200;
const ROUNDS = SMOKE ? 1 : Number(process.env.BENCH_ROUNDS ?? 5);
const SECONDS = SMOKE ? 1 : Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 50;

/**
 * 200 path operations as a tutorial app declares them: half GET with a path, a query and a header
 * param and a response model, half POST with a body and a query param. `models`: how many models
 * they share (200: one each, the worst case; 20: ten routes each). Built from the FastAPI module given
 * (this tree's, or another's for bench/experiments/openapi-build.ts).
 */
export function buildApp({ FastAPI, Path, Query, Header, Body }: typeof fastapi, models: number): InstanceType<typeof fastapi.FastAPI> {
  const app = new FastAPI({ title: "Bench", version: "1.0.0" });
  app.get("/json", () => ({ hello: "world" }));
  const schemas = Array.from({ length: models }, (_, i) =>
    z
      .object({
        name: z.string(),
        description: z.string().max(300).nullable().default(null),
        price: z.number().gt(0),
        tax: z.number().nullable().default(null),
        tags: z.array(z.string()).default([]),
        image: z.object({ url: z.url(), name: z.string() }).meta({ id: `Image${i}` }).nullable().default(null),
      })
      .meta({ id: `Item${i}` }),
  );
  for (let i = 0; i < ROUTES; i++) {
    const Item = schemas[i % models];
    if (i % 2 === 0) {
      app.get(
        `/r${i}/items/{item_id}`,
        { params: { item_id: Path(z.int()), q: Query(z.string().nullable().default(null), { maxLength: 50 }), x_token: Header(z.string()) }, responseModel: Item, tags: ["items"] },
        function readItem({ item_id }) {
          return { item_id };
        },
      );
    } else {
      app.post(`/r${i}/items/`, { params: { item: Body(Item), limit: Query(z.int().default(10)) }, responseModel: Item, tags: ["items"] }, function createItem({ item }) {
        return item;
      });
    }
  }
  return app;
}

/** The app of buildApp from this tree's sources. */
export function makeApp(models: number): FastAPI {
  return buildApp(fastapi, models);
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const spread = (xs: number[]): string => `median ${median(xs).toFixed(1)} ms (min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)})`;

/** One build: its milliseconds, of which in the validators (their JSON Schema conversions and validations), and the JSON text's. */
interface Build {
  ms: number;
  validatorMs: number;
  jsonMs: number;
}

// The validators' own time: ~standard.jsonSchema.input/output (the document needs each model's
// output schema), ~standard.validate (ModelField.required asks whether undefined is valid).
let validatorMs = 0;
const timed = new WeakSet<object>();

function timeValidators(app: FastAPI): void {
  for (const route of app.routes) {
    if (!(route instanceof APIRoute)) continue;
    const d = route.dependant;
    const fields = [route.responseField, ...Object.values(route.responseFields), ...[...d.pathParams, ...d.queryParams, ...d.headerParams, ...d.cookieParams, ...d.bodyParams].map((p) => p.field)];
    for (const field of fields) {
      if (field === null) continue;
      const standard = field.schema["~standard"] as { validate: (v: unknown) => unknown; jsonSchema?: Record<"input" | "output", (o: unknown) => unknown> };
      if (timed.has(standard)) continue;
      timed.add(standard);
      const wrap =
        <A, R>(f: (a: A) => R) =>
        (a: A): R => {
          const start = performance.now();
          try {
            return f(a);
          } finally {
            validatorMs += performance.now() - start;
          }
        };
      standard.validate = wrap(standard.validate);
      if (standard.jsonSchema) standard.jsonSchema = { input: wrap(standard.jsonSchema.input), output: wrap(standard.jsonSchema.output) };
    }
  }
}

/** Builds of fresh apps (each its own schemas: nothing converted before), one after the other in this process. */
function buildTimes(models: number, count: number): Build[] {
  return Array.from({ length: count }, () => {
    // Made just before its build, as a server makes its app: the apps already built are garbage.
    const app = makeApp(models);
    timeValidators(app);
    validatorMs = 0;
    const start = performance.now();
    const doc = app.openapi();
    const ms = performance.now() - start;
    const measured = validatorMs;
    const json = performance.now();
    openapiJson(doc);
    return { ms, validatorMs: measured, jsonMs: performance.now() - json };
  });
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

function wrk(url: string, seconds: number): { rps: number; p50: string } {
  const out = spawnSync("wrk", ["-t1", `-c${CONNECTIONS}`, `-d${seconds}s`, "--latency", url], { encoding: "utf8", timeout: (seconds + 30) * 1000 });
  if (out.status !== 0) throw new Error(`wrk failed: ${out.stderr}`);
  return { rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out.stdout)?.[1]), p50: /^\s+50%\s+(\S+)/m.exec(out.stdout)?.[1] ?? "?" };
}

async function serveOnly(): Promise<void> {
  const app = makeApp(20);
  // The same bytes as a static response, built once: what /openapi.json should cost.
  const bytes = Buffer.from(JSON.stringify(app.openapi()), "utf8");
  app.addRoute("/static-document", () => new Response(bytes, { mediaType: "application/json" }));
  await serve(app, { host: "127.0.0.1", port: Number(process.env.PORT), accessLog: false, log: () => undefined });
}

/** The first document of a fresh process, whose JIT has compiled nothing yet: what the first request to /openapi.json waits for. */
function coldTimes(models: number, count: number): Build[] {
  const here = fileURLToPath(import.meta.url);
  return Array.from({ length: count }, () => {
    const out = spawnSync(process.execPath, ["--conditions=source", "--import", "tsx", here, "--cold", String(models)], { encoding: "utf8" });
    if (out.status !== 0) throw new Error(out.stderr);
    return JSON.parse(out.stdout.trim()) as Build;
  });
}

const loadAverage = (): string => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");

async function main(): Promise<void> {
  const loadBefore = loadAverage();
  // Cold first, on a machine not yet busy with the wrk rounds below.
  const processes = SMOKE ? 2 : 15;
  const coldDistinct = coldTimes(200, processes);
  const coldShared = coldTimes(20, processes);
  // Warm: the JIT warmed on a few documents first.
  buildTimes(200, SMOKE ? 1 : 5);
  const distinct = buildTimes(200, SMOKE ? 2 : 20);
  const shared = buildTimes(20, SMOKE ? 2 : 20);
  const loadAfter = loadAverage();
  const app = makeApp(20);
  const size = JSON.stringify(app.openapi()).length;
  const ms = (builds: Build[], key: keyof Build = "ms") => builds.map((b) => b[key]);
  const ours = (builds: Build[]) => builds.map((b) => b.ms - b.validatorMs);
  console.log(`build, 200 models: cold ${spread(ms(coldDistinct))}, warm ${spread(ms(distinct))}; 20 models: cold ${spread(ms(coldShared))}, warm ${spread(ms(shared))}; document ${size} bytes`);

  const port = await freePort();
  const here = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, ["--conditions=source", "--import", "tsx", here, "--serve"], { env: { ...process.env, PORT: String(port) }, stdio: "inherit" });
  const base = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await get(`${base}/json`)).status === 200) break;
      } catch {
        if (i > 200) throw new Error("the server did not start");
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    const doc = await get(`${base}/openapi.json`);
    if (doc.status !== 200 || !doc.contentType.startsWith("application/json")) throw new Error(`/openapi.json answered ${doc.status}`);
    const json: number[] = [];
    const openapi: number[] = [];
    const statik: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      json.push(wrk(`${base}/json`, SECONDS).rps);
      openapi.push(wrk(`${base}/openapi.json`, SECONDS).rps);
      statik.push(wrk(`${base}/static-document`, SECONDS).rps);
    }
    const line = (route: string, rps: number[]) => `| ${route} | ${median(rps).toFixed(0)} | ${Math.max(...rps).toFixed(0)} |`;
    const report = [
      "# /openapi.json beside /json",
      "",
      `An app of ${ROUTES} path operations (\`bench/openapi.ts\`), served by starlette-ts's serve(); wrk, ${CONNECTIONS} connections, ${SECONDS} s a measurement,`,
      `${ROUNDS} rounds alternating the routes. /openapi.json is ${doc.text.length} bytes; the last route answers the same bytes, encoded once at startup.`,
      "",
      "| route | req/s (median) | req/s (best) |",
      "|---|---|---|",
      line("/json", json),
      line("/openapi.json", openapi),
      line("the same bytes as a static Response", statik),
      "",
      "## Building the document (`app.openapi()`)",
      "",
      "Each figure is the median of several builds (min and max beside it), each `app.openapi()` of a fresh app (its own zod schemas, nothing converted before), timed with performance.now():",
      `- **cold**: the first build of a fresh process (${coldDistinct.length} processes each), the JIT having compiled none of the code: what the first GET /openapi.json of a server waits for;`,
      `- **warm**: ${distinct.length} builds of fresh apps in one process, after ${SMOKE ? 1 : 5} to warm the JIT;`,
      "- **validators**: of that, the time inside zod (its JSON Schema conversions: each response model's output schema; and the validations ModelField.required runs), the rest being the layer's own.",
      "",
      "| app | cold | of which validators | warm | of which validators |",
      "|---|---|---|---|---|",
      `| 200 routes, 200 models (one per route) | ${spread(ms(coldDistinct))} | ${median(ms(coldDistinct, "validatorMs")).toFixed(1)} ms | ${spread(ms(distinct))} | ${median(ms(distinct, "validatorMs")).toFixed(1)} ms |`,
      `| 200 routes, 20 models (ten routes each) | ${spread(ms(coldShared))} | ${median(ms(coldShared, "validatorMs")).toFixed(1)} ms | ${spread(ms(shared))} | ${median(ms(shared, "validatorMs")).toFixed(1)} ms |`,
      "",
      `The layer's own share (build minus validators), medians: 200 models cold ${median(ours(coldDistinct)).toFixed(1)} ms, warm ${median(ours(distinct)).toFixed(1)} ms; 20 models cold ${median(ours(coldShared)).toFixed(1)} ms, warm ${median(ours(shared)).toFixed(1)} ms.`,
      `The JSON text of the document (openapiJson, what /openapi.json sends, made once after the build): cold ${median(ms(coldDistinct, "jsonMs")).toFixed(1)} ms, warm ${median(ms(distinct, "jsonMs")).toFixed(1)} ms (200 models).`,
      `The machine is shared (2 CPUs, other jobs running): load average ${loadBefore} before the builds, ${loadAfter} after; on an idle machine the figures are lower and closer together (the min is the nearest to them).`,
      "",
      `Machine: ${process.platform}, node ${process.version}.`,
      "",
    ].join("\n");
    console.log(report);
    if (!SMOKE) writeFileSync(fileURLToPath(new URL("openapi-results.md", import.meta.url)), report);
  } finally {
    child.kill("SIGTERM");
  }
}

// Run as a script (not when imported for its makeApp).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes("--serve")) await serveOnly();
  else if (process.argv.includes("--cold")) console.log(JSON.stringify(buildTimes(Number(process.argv[process.argv.indexOf("--cold") + 1]), 1)[0]));
  else await main();
}
