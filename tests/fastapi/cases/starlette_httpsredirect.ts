// Cases for tests/python/fastapi_apps/starlette_httpsredirect.py, Starlette's
// HTTPSRedirectMiddleware (under /0/<kind>); tests/middleware/http.test.ts compares the Location
// headers with starlette-ts's.
import type { Case } from "../differential.js";

export const cases: Case[] = [
  { name: "http is redirected to https", method: "GET", path: "/0/plain", expect: 307 },
  { name: "with a query", method: "GET", path: "/0/plain?a=1", expect: 307 },
  { name: "any method", method: "POST", path: "/0/plain", expect: 307 },
];
