// Where building the OpenAPI document of bench/openapi.ts's 200-route app goes (issue 18's "under
// 50 ms"): the first build in fresh processes (cold) and builds of fresh apps in one process
// (warm), each split into the validators' own work (JSON Schema conversions, and the validation
// ModelField.required runs) and the rest (ours).
//   node --conditions=source --import tsx bench/experiments/openapi-build.ts [processes] [warm builds] [src dir...]
// Each src dir (default: src) is a copy of the project's src/ inside the repository, where zod resolves (e.g.
// `mkdir -p bench/experiments/openapi-base && git archive HEAD src | tar -x -C bench/experiments/openapi-base`,
// then bench/experiments/openapi-base/src): given several, the runs alternate between them, so that the
// load of a shared machine falls on each alike.
//   ... openapi-build.ts --check [src dir]      the documents' sha256 (the same before and after a change)
//   ... openapi-build.ts --profile 200 [warm]   where one build's time goes (the inspector's sampling profiler)
//   ... openapi-build.ts --alloc 200            what one cold build allocates, by function
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { Session } from "node:inspector";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildApp } from "../openapi.js";
import type * as Fastapi from "../../src/fastapi/index.js";
import type * as Models from "../../src/fastapi/openapi/models.js";
import type * as Routing from "../../src/fastapi/routing.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const HERE = fileURLToPath(import.meta.url);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (xs: number[]): string => `median ${median(xs).toFixed(1)} (min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)})`;

interface Tree {
  fastapi: typeof Fastapi;
  models: typeof Models;
  routing: typeof Routing;
}

async function load(src: string): Promise<Tree> {
  const url = (path: string) => pathToFileURL(resolve(ROOT, src, path)).href;
  return { fastapi: await import(url("fastapi/index.js")), models: await import(url("fastapi/openapi/models.js")), routing: await import(url("fastapi/routing.js")) };
}

/** bench/openapi.ts's app (the same declarations), from the given tree. */
function makeApp(tree: Tree, models: number): Fastapi.FastAPI {
  return buildApp(tree.fastapi, models);
}

// Time spent inside the validators during the build: ~standard.jsonSchema.input/output, and ~standard.validate.
let validatorMs = 0;
let validateMs = 0;
const wrapped = new WeakSet<object>();

type Converter = Record<"input" | "output", (options: unknown) => unknown>;

function wrapValidators(tree: Tree, app: Fastapi.FastAPI): void {
  const schemas = new Set<object>();
  for (const route of app.routes) {
    if (!(route instanceof tree.routing.APIRoute)) continue;
    if (route.responseField !== null) schemas.add(route.responseField.schema);
    for (const f of Object.values(route.responseFields)) schemas.add(f.schema);
    const d = route.dependant;
    for (const pf of [...d.pathParams, ...d.queryParams, ...d.headerParams, ...d.cookieParams, ...d.bodyParams]) if (pf.field !== null) schemas.add(pf.field.schema);
  }
  for (const schema of schemas) {
    const standard = (schema as { "~standard": { jsonSchema?: Converter; validate: (value: unknown) => unknown } })["~standard"];
    if (wrapped.has(standard)) continue;
    wrapped.add(standard);
    // ModelField.required asks the validator (safeParse(undefined)): its time is the validator's too.
    const validate = standard.validate;
    standard.validate = (value) => {
      const start = performance.now();
      try {
        return validate(value);
      } finally {
        validatorMs += performance.now() - start;
        validateMs += performance.now() - start;
      }
    };
    const converter = standard.jsonSchema;
    if (converter === undefined) continue;
    for (const io of ["input", "output"] as const) {
      const original = converter[io];
      converter[io] = (options) => {
        const start = performance.now();
        try {
          return original(options);
        } finally {
          validatorMs += performance.now() - start;
        }
      };
    }
  }
}

/** One build of a fresh app: [wall ms, of which in the validators, process CPU ms, makeApp ms, of the validators' ms in validate()]. */
function buildOnce(tree: Tree, models: number): number[] {
  const t0 = performance.now();
  const app = makeApp(tree, models);
  const made = performance.now() - t0;
  wrapValidators(tree, app);
  validatorMs = 0;
  validateMs = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  app.openapi();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return [wall, validatorMs, (used.user + used.system) / 1000, made, validateMs];
}

function run(src: string, models: number, builds: number): number[][] {
  const out = spawnSync(process.execPath, ["--conditions=source", "--import", "tsx", HERE, "--child", src, String(models), String(builds)], { encoding: "utf8" });
  if (out.status !== 0) throw new Error(out.stderr);
  return JSON.parse(out.stdout.trim().split("\n").at(-1) as string);
}

function main(processes: number, warmBuilds: number, trees: string[]): void {
  console.log(`load average before: ${readFileSync("/proc/loadavg", "utf8").trim()}`);
  for (const models of [200, 20]) {
    const cold = new Map<string, number[][]>(trees.map((t) => [t, []]));
    const warm = new Map<string, number[][]>(trees.map((t) => [t, []]));
    for (let i = 0; i < processes; i++) for (const t of trees) (cold.get(t) as number[][]).push(run(t, models, 1)[0]);
    for (let i = 0; i < 3; i++) for (const t of trees) (warm.get(t) as number[][]).push(...run(t, models, warmBuilds + 5).slice(5));
    for (const t of trees) {
      const c = cold.get(t) as number[][];
      const w = warm.get(t) as number[][];
      console.log(`[${t}] ${models} models, cold (first build of ${c.length} fresh processes): wall ${fmt(c.map((x) => x[0]))}; validators ${fmt(c.map((x) => x[1]))} (of which validate() ${fmt(c.map((x) => x[4]))}); ours ${fmt(c.map((x) => x[0] - x[1]))}; process CPU ${fmt(c.map((x) => x[2]))}`);
      console.log(`[${t}] ${models} models, warm (builds 6..${warmBuilds + 5} of fresh apps in 3 processes, n=${w.length}): wall ${fmt(w.map((x) => x[0]))}; validators ${fmt(w.map((x) => x[1]))}; ours ${fmt(w.map((x) => x[0] - x[1]))}`);
    }
  }
  console.log(`load average after: ${readFileSync("/proc/loadavg", "utf8").trim()}`);
}

/** One build under the inspector's sampling profiler (after `warm` others): self time by file and function, inclusive time by function. */
async function profile(tree: Tree, models: number, warm: number): Promise<void> {
  for (let i = 0; i < warm; i++) makeApp(tree, models).openapi();
  const app = makeApp(tree, models);
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object): Promise<unknown> =>
    new Promise((resolve, reject) => session.post(method, params, (err, result) => (err ? reject(err) : resolve(result))));
  await post("Profiler.enable");
  await post("Profiler.setSamplingInterval", { interval: 50 });
  await post("Profiler.start");
  const start = performance.now();
  app.openapi();
  const took = performance.now() - start;
  const { profile } = (await post("Profiler.stop")) as { profile: CpuProfile };
  session.disconnect();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  const name = (f: CpuProfile["nodes"][number]["callFrame"]) => `${f.functionName || "(anonymous)"} ${f.url.replace(/^.*\/(node_modules\/.*|src\/.*)$/, "$1") || "(native)"}`;
  const byFile = new Map<string, number>();
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const node = byId.get(profile.samples[i]) as CpuProfile["nodes"][number];
    add(byFile, node.callFrame.url.replace(/^.*\/(node_modules\/[^/]+|src\/.*)$/, "$1") || "(native)", ms);
    add(self, name(node.callFrame), ms);
    const names = new Set<string>();
    for (let at: number | undefined = node.id; at !== undefined; at = parent.get(at)) names.add(name((byId.get(at) as CpuProfile["nodes"][number]).callFrame));
    for (const n of names) add(inclusive, n, ms);
  }
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `  ${v.toFixed(1).padStart(6)} ms  ${k}`).join("\n");
  console.log(`build ${took.toFixed(1)} ms (under the profiler)\nby file:\n${top(byFile, 12)}\nself time:\n${top(self, 30)}\ninclusive:\n${top(inclusive, 40)}`);
}

/** What one cold build allocates, by function (the inspector's sampling heap profiler, garbage included). */
async function allocations(tree: Tree, models: number): Promise<void> {
  const app = makeApp(tree, models);
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object): Promise<unknown> =>
    new Promise((resolve, reject) => session.post(method, params, (err, result) => (err ? reject(err) : resolve(result))));
  await post("HeapProfiler.enable");
  await post("HeapProfiler.startSampling", { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  app.openapi();
  const { profile } = (await post("HeapProfiler.stopSampling")) as { profile: { head: HeapNode } };
  session.disconnect();
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const byCaller = new Map<string, number>();
  const walk = (node: HeapNode, stack: string[]): number => {
    const name = `${node.callFrame.functionName || "(anonymous)"} ${node.callFrame.url.replace(/^.*\/(node_modules\/.*|src\/.*)$/, "$1")}`;
    const bytes = node.selfSize + node.children.reduce((a, c) => a + walk(c, [...stack, name]), 0);
    self.set(name, (self.get(name) ?? 0) + node.selfSize);
    // A builtin's bytes go to its caller too (sort, keys, an iterator's next...).
    if (node.callFrame.url === "" && stack.length > 0) byCaller.set(`${name} <- ${stack[stack.length - 1]}`, (byCaller.get(`${name} <- ${stack[stack.length - 1]}`) ?? 0) + node.selfSize);
    if (!stack.includes(name)) inclusive.set(name, (inclusive.get(name) ?? 0) + bytes);
    return bytes;
  };
  const total = walk(profile.head, []);
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `  ${(v / 1e6).toFixed(2).padStart(6)} MB  ${k}`).join("\n");
  console.log(`allocated ${(total / 1e6).toFixed(1)} MB\nself:\n${top(self, 25)}\nbuiltins by caller:\n${top(byCaller, 40)}\ninclusive:\n${top(inclusive, 30)}`);
}

interface HeapNode {
  callFrame: { functionName: string; url: string };
  selfSize: number;
  children: HeapNode[];
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
}

const args = process.argv.slice(2);
if (args[0] === "--child") {
  const tree = await load(args[1]);
  const out: number[][] = [];
  for (let i = 0; i < Number(args[3]); i++) out.push(buildOnce(tree, Number(args[2])));
  console.log(JSON.stringify(out));
} else if (args[0] === "--profile") {
  await profile(await load(args[3] ?? "src"), Number(args[1] ?? 200), Number(args[2] ?? 0));
} else if (args[0] === "--alloc") {
  await allocations(await load(args[2] ?? "src"), Number(args[1] ?? 200));
} else if (args[0] === "--check") {
  const tree = await load(args[1] ?? "src");
  console.log([200, 20].map((m) => createHash("sha256").update(tree.models.openapiJson(makeApp(tree, m).openapi())).digest("hex").slice(0, 16)).join(" "));
} else {
  main(Number(args[0] ?? 15), Number(args[1] ?? 30), args.length > 2 ? args.slice(2) : ["src"]);
}
