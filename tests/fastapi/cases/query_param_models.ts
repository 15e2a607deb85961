// Cases for tests/python/fastapi_apps/query_param_models.py (docs_src/query_param_models).
import type { Case } from "../differential.js";

export const cases: Case[] = [
  // tutorial001
  { name: "defaults", method: "GET", path: "/items/", expect: 200 },
  { name: "every field", method: "GET", path: "/items/?limit=10&offset=5&order_by=updated_at&tags=a&tags=b", expect: 200 },
  { name: "one tag is a list of one", method: "GET", path: "/items/?tags=x", expect: 200 },
  { name: "limit not an int", method: "GET", path: "/items/?limit=x", expect: 422, exact: true },
  { name: "limit 0 is not greater than 0", method: "GET", path: "/items/?limit=0", expect: 422, compare: "status+loc" },
  { name: "order_by not one of the literals", method: "GET", path: "/items/?order_by=name", expect: 422, compare: "status+loc" },
  { name: "two limits: the model's scalar takes the last", method: "GET", path: "/items/?limit=1&limit=2", expect: 200 },
  { name: "unknown parameters are dropped", method: "GET", path: "/items/?tool=plumbus&__proto__=x", expect: 200 },
  { name: "several errors at once, in field order", method: "GET", path: "/items/?offset=x&limit=y", expect: 422, exact: true },
  // tutorial002: extra="forbid"
  { name: "forbid: the model's own fields", method: "GET", path: "/t002/items/?limit=5&tags=a", expect: 200 },
  { name: "forbid: an unknown parameter", method: "GET", path: "/t002/items/?tool=plumbus", expect: 422, exact: true },
  { name: "forbid: an unknown parameter given twice is a list", method: "GET", path: "/t002/items/?tool=a&tool=b", expect: 422, exact: true },
  { name: "forbid: __proto__ is an unknown parameter too", method: "GET", path: "/t002/items/?__proto__=x&limit=3", expect: 422, exact: true },
  { name: "forbid: a bad field and an unknown one", method: "GET", path: "/t002/items/?x=1&limit=z", expect: 422, exact: true },
];
