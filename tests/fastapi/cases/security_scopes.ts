// Cases for tests/python/fastapi_apps/security_scopes.py (FastAPI's tests/test_security_scopes*.py).
import type { Case } from "../differential.js";

export const cases: Case[] = [
  { name: "test_security_scopes_dependency_called_once", method: "GET", path: "/once/", expect: 200, exact: true },
  { name: "test_security_scopes_dependency_called_once, again", method: "GET", path: "/once/", expect: 200, exact: true },
  { name: "test_security_scopes_dont_propagate", method: "GET", path: "/scopes", expect: 200, exact: true },
  { name: "test_security_scopes_sub_dependency_caching", method: "GET", path: "/sub/", expect: 200, exact: true },
  { name: "test_security_scopes_sub_dependency_caching, again", method: "GET", path: "/sub/", expect: 200, exact: true },
];
