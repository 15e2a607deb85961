// Cases for tests/python/fastapi_apps/starlette_gzip.py, Starlette's GZipMiddleware in every
// option combination of _middleware_options.json (config k under /k/<kind>). The full comparison
// with starlette-ts, bodies decompressed, is tests/middleware/http.test.ts.
import type { Case } from "../differential.js";

const gzip: Array<[string, string]> = [["Accept-Encoding", "gzip"]];

export const cases: Case[] = [
  { name: "a large body, compressed", method: "GET", path: "/0/big", expect: 200, headers: gzip },
  { name: "a small body, as it is", method: "GET", path: "/0/small", expect: 200, headers: gzip },
  { name: "a stream, compressed chunk by chunk", method: "GET", path: "/0/stream", expect: 200, headers: gzip },
  { name: "a 206, never compressed", method: "GET", path: "/0/partial", expect: 206, headers: gzip },
  { name: "a 204 with the default minimum size", method: "GET", path: "/0/empty", expect: 204, headers: gzip },
  { name: "without Accept-Encoding", method: "GET", path: "/0/big", expect: 200 },
];
