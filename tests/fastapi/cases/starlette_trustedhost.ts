// Cases for tests/python/fastapi_apps/starlette_trustedhost.py, Starlette's TrustedHostMiddleware
// in every option combination of _middleware_options.json (config k under /k/<kind>). Sent with
// the twin's module name as Host, these check only what that host gets; the Host values that
// matter are sent by tests/middleware/http.test.ts.
import type { Case } from "../differential.js";

export const cases: Case[] = [
  { name: "any host allowed (the default)", method: "GET", path: "/0/plain", expect: 200 },
  { name: "only 127.0.0.1 allowed", method: "GET", path: "/2/plain", expect: 400 },
  { name: "example.com and its subdomains only", method: "GET", path: "/4/plain", expect: 400 },
  { name: "no host allowed", method: "GET", path: "/10/plain", expect: 400 },
];
