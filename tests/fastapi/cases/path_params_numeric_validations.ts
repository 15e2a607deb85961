// Cases for tests/python/fastapi_apps/path_params_numeric_validations.py
// (docs_src/path_params_numeric_validations).
import type { Case } from "../differential.js";

export const cases: Case[] = [
  { name: "t001: item_id and aliased q", method: "GET", path: "/t001/items/5?item-query=foo", expect: 200 },
  { name: "t001: q by its own name is ignored", method: "GET", path: "/t001/items/5?q=foo", expect: 200 },
  { name: "t002: q required", method: "GET", path: "/t002/items/5", expect: 422, exact: true },
  { name: "t002: q given", method: "GET", path: "/t002/items/5?q=foo", expect: 200 },
  { name: "t003: both wrong: errors in parameter order", method: "GET", path: "/t003/items/x", expect: 422, exact: true },
  { name: "t002: both wrong: errors in parameter order", method: "GET", path: "/t002/items/x", expect: 422, exact: true },
  // ge=1
  { name: "t004: ge=1 with 1", method: "GET", path: "/t004/items/1?q=a", expect: 200 },
  { name: "t004: ge=1 with 0", method: "GET", path: "/t004/items/0?q=a", expect: 422, exact: true },
  // gt=0, le=1000
  { name: "t005: 1000 is allowed", method: "GET", path: "/t005/items/1000?q=a", expect: 200 },
  { name: "t005: 1001 is too big", method: "GET", path: "/t005/items/1001?q=a", expect: 422, exact: true },
  { name: "t005: 0 is not greater than 0", method: "GET", path: "/t005/items/0?q=a", expect: 422, exact: true },
  { name: "t005: -1", method: "GET", path: "/t005/items/-1?q=a", expect: 422, exact: true },
  // ge=0, le=1000; size gt=0, lt=10.5
  { name: "t006: all valid", method: "GET", path: "/t006/items/0?q=a&size=10.4", expect: 200 },
  { name: "t006: int size comes back as a float", method: "GET", path: "/t006/items/42?q=a&size=1", expect: 200 },
  { name: "t006: size 10.5 is not less than 10.5", method: "GET", path: "/t006/items/42?q=a&size=10.5", expect: 422, exact: true },
  // Compared as JSON, not bytes: Python writes the float bound as 0.0 in ctx, JS as 0.
  { name: "t006: size 0", method: "GET", path: "/t006/items/42?q=a&size=0", expect: 422 },
  { name: "t006: size not a number", method: "GET", path: "/t006/items/42?q=a&size=big", expect: 422, exact: true },
  { name: "t006: size in exponent form", method: "GET", path: "/t006/items/42?q=a&size=1e-3", expect: 200 },
  { name: "t006: size inf", method: "GET", path: "/t006/items/42?q=a&size=inf", expect: 422, exact: true },
  { name: "t006: size nan", method: "GET", path: "/t006/items/42?q=a&size=nan", expect: 422, exact: true },
  { name: "t006: size overflowing to inf", method: "GET", path: "/t006/items/42?q=a&size=1e309", expect: 422, exact: true },
  { name: "t006: item_id -1 and size missing", method: "GET", path: "/t006/items/-1?q=a", expect: 422, exact: true },
  { name: "t006: everything missing or wrong", method: "GET", path: "/t006/items/1001", expect: 422, exact: true },
  { name: "t006: item_id beyond le, huge", method: "GET", path: "/t006/items/99999999999999999999?q=a&size=1.5", expect: 422, exact: true },
];
