// The validation suite's checks: every server's answers on POST /items and GET /search, before it
// is loaded and in the smoke run. The POST body is the one wrk sends, read from post-item.lua.
import { readFileSync } from "node:fs";
import { get, post, type Reply } from "./http.js";

/** The wrk script that loads POST /items, beside this file. */
export const POST_SCRIPT = "post-item.lua";

const script = readFileSync(new URL(POST_SCRIPT, import.meta.url), "utf8");
const POST_BODY = /^wrk\.body = '(.*)'$/m.exec(script)?.[1];
if (POST_BODY === undefined) throw new Error(`${POST_SCRIPT} sets no wrk.body = '...'`);

/** The search wrk loads, and what it must answer. */
export const SEARCH = "/search?q=shoes&limit=20&offset=40";

/** A path a validation server answers 200 as soon as it listens. */
export const READY = "/search?q=ready";

const DEFAULTS = { description: null, tax: null, tags: [] };

/** JSON text with every object's keys sorted, to compare answers whatever order a server writes them in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

/** Throws, naming the server and the request, unless every answer is right. */
export async function checkValidation(server: string, port: number): Promise<void> {
  const base = `http://127.0.0.1:${port}`;
  const expect = (what: string, reply: Reply, status: number, body?: unknown): void => {
    let ok = reply.status === status;
    if (ok && body !== undefined) {
      try {
        ok = reply.contentType.startsWith("application/json") && canonical(JSON.parse(reply.text)) === canonical(body);
      } catch {
        ok = false;
      }
    }
    if (!ok) {
      const wanted = body === undefined ? "" : ` ${JSON.stringify(body)}`;
      throw new Error(`${server}: ${what} gave ${reply.status} ${reply.contentType} ${reply.text.slice(0, 300)}; expected ${status}${wanted}`);
    }
  };
  const sent = JSON.parse(POST_BODY as string) as Record<string, unknown>;
  expect(`POST /items ${POST_BODY}`, await post(`${base}/items`, POST_BODY as string), 200, { ...DEFAULTS, ...sent });
  const least = { name: "x", price: 0.5, in_stock: false };
  expect("POST /items with only the required fields", await post(`${base}/items`, JSON.stringify(least)), 200, { ...DEFAULTS, ...least });
  const full = { name: "y".repeat(50), description: "d", price: 1, tax: 0.2, tags: ["a", "b"], in_stock: true };
  expect("POST /items with every field", await post(`${base}/items`, JSON.stringify(full)), 200, full);
  const invalid: Array<[string, unknown]> = [
    ["an empty name", { ...least, name: "" }],
    ["a name of 51 characters", { ...least, name: "y".repeat(51) }],
    ["price 0", { ...least, price: 0 }],
    ["a tag that is an object", { ...least, tags: [{ a: 1 }] }],
    ["no in_stock", { name: "x", price: 1 }],
    ["a list for a body", [least]],
  ];
  for (const [what, body] of invalid) expect(`POST /items with ${what}`, await post(`${base}/items`, JSON.stringify(body)), 422);
  expect("POST /items with a body that is not JSON", await post(`${base}/items`, "{bad"), 422);
  expect(`GET ${SEARCH}`, await get(`${base}${SEARCH}`), 200, { q: "shoes", limit: 20, offset: 40 });
  expect("GET /search?q=shoes", await get(`${base}/search?q=shoes`), 200, { q: "shoes", limit: 10, offset: 0 });
  for (const query of ["q=shoes&limit=0", "q=shoes&limit=101", "q=shoes&offset=-1", "q=shoes&limit=ten", "q=shoes&limit=2.5", "q=s", "limit=5"]) {
    expect(`GET /search?${query}`, await get(`${base}/search?${query}`), 422);
  }
}
