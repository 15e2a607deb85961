// Cases for tests/python/fastapi_apps/starlette_cors.py, Starlette's CORSMiddleware in every
// option combination of _middleware_options.json (config k under /k/<kind>: 0 allows no origin,
// 36 allows https://a.example, 72 allows "*"). The full comparison with starlette-ts, header by
// header, is tests/middleware/http.test.ts; these check that the twin answers as they claim.
import type { Case } from "../differential.js";

const preflight = (name: string, path: string, origin: string, method: string, expect: number): Case => ({
  name,
  method: "OPTIONS",
  path,
  expect,
  headers: [["Origin", origin], ["Access-Control-Request-Method", method]],
});

export const cases: Case[] = [
  { name: "no origin: the app's answer", method: "GET", path: "/0/plain", expect: 200 },
  preflight("no origin allowed: the preflight refused", "/0/plain", "https://a.example", "GET", 400),
  preflight("the listed origin: allowed", "/36/plain", "https://a.example", "GET", 200),
  preflight("another origin: refused", "/36/plain", "https://evil.com", "GET", 400),
  preflight("any origin: allowed", "/72/plain", "https://evil.com", "GET", 200),
  preflight("a method not allowed: refused", "/72/plain", "https://evil.com", "PUT", 400),
  { name: "a simple request from an origin", method: "GET", path: "/72/vary", expect: 200, headers: [["Origin", "https://evil.com"]] },
  { name: "an OPTIONS that is no preflight reaches the app", method: "OPTIONS", path: "/0/plain", expect: 200, headers: [["Origin", "https://a.example"]] },
];
