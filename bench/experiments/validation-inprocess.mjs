// In-process cost of the validation suite's two routes (no sockets): the FastAPI layer beside the
// same routes on the core with the zod parse written by hand. Builds on dist/ (npm run build).
//   node bench/experiments/validation-inprocess.mjs   (DIST=/path/to/a/build for another build)
const dist = process.env.DIST ?? new URL("../../dist", import.meta.url).pathname;
const { App } = await import(`${dist}/applications.js`);
const { JSONResponse } = await import(`${dist}/responses.js`);
const { Body, FastAPI, Query } = await import(`${dist}/fastapi/index.js`);
import { z } from "zod";
import { Item, SearchQuery } from "../servers/validation-schemas.mjs";

const layer = new FastAPI();
layer.post("/items", { params: { item: Body(Item) } }, ({ item }) => item);
layer.get("/search", { params: { q: Query(z.string().min(2)), limit: Query(z.int().min(1).max(100).default(10)), offset: Query(z.int().min(0).default(0)) } }, ({ q, limit, offset }) => ({ q, limit, offset }));

const core = new App();
core.post("/items", async (request) => {
  const r = Item.safeParse(await request.json());
  return r.success ? new JSONResponse(r.data) : new JSONResponse({ detail: r.error.issues }, { statusCode: 422 });
});
core.get("/search", (request) => {
  const p = request.queryParams;
  const r = SearchQuery.safeParse({ q: p.get("q") ?? undefined, limit: p.get("limit") ?? undefined, offset: p.get("offset") ?? undefined });
  return r.success ? new JSONResponse(r.data) : new JSONResponse({ detail: r.error.issues }, { statusCode: 422 });
});

const body = Buffer.from(JSON.stringify({ name: "Plumbus", description: "A multi-purpose household device.", price: 45.2, tax: 3.5, tags: ["home", "tools"], in_stock: true }));
const scope = (method, path, qs) => ({
  type: "http", method, path, raw_path: path, root_path: "", query_string: qs, scheme: "http", server: ["x", 80], client: ["c", 1], asgi: { version: "3.0" },
  headers: [["host", "x"], ["content-type", "application/json"], ["content-length", String(body.length)]],
});
async function one(app, method, path, qs) {
  let status = 0;
  let sent = false;
  const receive = async () => (sent ? { type: "http.disconnect" } : ((sent = true), { type: "http.request", body, more_body: false }));
  await app.call(scope(method, path, qs), receive, async (m) => {
    if (m.type === "http.response.start") status = m.status;
  });
  if (status !== 200) throw new Error(`${path}: ${status}`);
}
async function measure(app, method, path, qs, n = 50_000) {
  const t = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await one(app, method, path, qs);
  return Number(process.hrtime.bigint() - t) / n / 1000;
}
const rows = [["POST /items", "POST", "/items", ""], ["GET /search", "GET", "/search", "q=shoes&limit=20&offset=40"]];
const ROUNDS = Number(process.env.ROUNDS ?? 7);
for (const [label, method, path, qs] of rows) {
  for (const app of [core, layer]) await measure(app, method, path, qs, 20_000); // warm-up
  const times = { core: [], layer: [] };
  for (let r = 0; r < ROUNDS; r++) {
    times.core.push(await measure(core, method, path, qs));
    times.layer.push(await measure(layer, method, path, qs));
  }
  const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
  const [c, l] = [median(times.core), median(times.layer)];
  console.log(`${label}: hand-written ${c.toFixed(2)} µs, layer ${l.toFixed(2)} µs (+${(l - c).toFixed(2)} µs, ${((l / c - 1) * 100).toFixed(0)} %)`);
}
