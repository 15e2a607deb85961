// Cases for tests/python/fastapi_apps/cookie_param_models.py (docs_src/cookie_param_models).
import type { Case } from "../differential.js";

export const cases: Case[] = [
  // tutorial001
  { name: "session_id only", method: "GET", path: "/items/", cookies: { session_id: "123" }, expect: 200 },
  { name: "every cookie", method: "GET", path: "/items/", cookies: { session_id: "123", fatebook_tracker: "456", googall_tracker: "789" }, expect: 200 },
  { name: "session_id missing", method: "GET", path: "/items/", cookies: { fatebook_tracker: "456" }, expect: 422, exact: true },
  { name: "no cookies at all", method: "GET", path: "/items/", expect: 422, exact: true },
  { name: "unknown cookies are dropped", method: "GET", path: "/items/", cookies: { session_id: "1", santa_tracker: "x", __proto__x: "y" }, expect: 200 },
  // tutorial002: extra="forbid"
  { name: "forbid: known cookies", method: "GET", path: "/t002/items/", cookies: { session_id: "1", googall_tracker: "2" }, expect: 200 },
  { name: "forbid: an unknown cookie", method: "GET", path: "/t002/items/", cookies: { session_id: "1", santa_tracker: "good-list-please" }, expect: 422, exact: true },
  { name: "forbid: a __proto__ cookie", method: "GET", path: "/t002/items/", headers: [["cookie", "__proto__=x; session_id=1"]], expect: 422, exact: true },
];
