// Cases for tests/python/fastapi_apps/body_multiple_params.py (docs_src/body_multiple_params).
import type { Case } from "../differential.js";

const item = { name: "Foo", description: "The pretender", price: 42.5, tax: 3.2 };
const user = { username: "dave", full_name: "Dave Grohl" };

export const cases: Case[] = [
  // tutorial001: optional body
  { name: "t001: no body at all", method: "PUT", path: "/t001/items/5", expect: 200 },
  { name: "t001: q and item", method: "PUT", path: "/t001/items/5?q=bar", json: item, expect: 200 },
  { name: "t001: item_id over le=1000", method: "PUT", path: "/t001/items/1001", json: item, expect: 422, exact: true },
  { name: "t001: JSON null is no item", method: "PUT", path: "/t001/items/5", json: null, expect: 200 },
  { name: "t001: an invalid item", method: "PUT", path: "/t001/items/5", json: { name: "Foo" }, expect: 422, exact: true },
  { name: "t001: an empty object", method: "PUT", path: "/t001/items/5", json: {}, expect: 422, exact: true },
  // tutorial002: two bodies
  { name: "t002: item and user", method: "PUT", path: "/t002/items/5", json: { item, user }, expect: 200 },
  { name: "t002: user missing", method: "PUT", path: "/t002/items/5", json: { item }, expect: 422, exact: true },
  { name: "t002: both missing when the item is sent unwrapped", method: "PUT", path: "/t002/items/5", json: item, expect: 422, exact: true },
  { name: "t002: no body: both missing", method: "PUT", path: "/t002/items/5", expect: 422, exact: true },
  { name: "t002: an invalid user inside", method: "PUT", path: "/t002/items/5", json: { item, user: { full_name: "x" } }, expect: 422, exact: true },
  { name: "t002: a list as the body: both missing", method: "PUT", path: "/t002/items/5", json: [item, user], expect: 422, exact: true },
  { name: "t002: extra top-level keys are ignored", method: "PUT", path: "/t002/items/5", json: { item, user, extra: 1, __proto__x: 2 }, expect: 200 },
  { name: "t002: __proto__ at the top level", method: "PUT", path: "/t002/items/5", body: `{"__proto__":{"user":${JSON.stringify(user)}},"item":${JSON.stringify(item)}}`, headers: [["content-type", "application/json"]], expect: 422, exact: true },
  { name: "t002: malformed JSON", method: "PUT", path: "/t002/items/5", body: "{item:", headers: [["content-type", "application/json"]], expect: 422, exact: true },
  // tutorial003: singular body value
  { name: "t003: importance", method: "PUT", path: "/t003/items/5", json: { item, user, importance: 5 }, expect: 200 },
  { name: "t003: importance as a numeric string", method: "PUT", path: "/t003/items/5", json: { item, user, importance: "5" }, expect: 200 },
  { name: "t003: importance 5.0 is an int", method: "PUT", path: "/t003/items/5", json: { item, user, importance: 5.0 }, expect: 200 },
  { name: "t003: importance 5.5 is not", method: "PUT", path: "/t003/items/5", json: { item, user, importance: 5.5 }, expect: 422, exact: true },
  { name: "t003: importance missing", method: "PUT", path: "/t003/items/5", json: { item, user }, expect: 422, exact: true },
  { name: "t003: importance null is missing", method: "PUT", path: "/t003/items/5", json: { item, user, importance: null }, expect: 422, exact: true },
  // tutorial004: constrained singular body value
  { name: "t004: importance and q", method: "PUT", path: "/t004/items/5?q=x", json: { item, user, importance: 1 }, expect: 200 },
  { name: "t004: importance 0", method: "PUT", path: "/t004/items/5", json: { item, user, importance: 0 }, expect: 422, exact: true },
  { name: "t004: every error at once", method: "PUT", path: "/t004/items/x", json: { item: {}, importance: -1 }, expect: 422, exact: true },
  // tutorial005: embed=True
  { name: "t005: embedded item", method: "PUT", path: "/t005/items/5", json: { item }, expect: 200 },
  { name: "t005: unembedded item", method: "PUT", path: "/t005/items/5", json: item, expect: 422, exact: true },
  { name: "t005: no body", method: "PUT", path: "/t005/items/5", expect: 422, exact: true },
  { name: "t005: item is not an object", method: "PUT", path: "/t005/items/5", json: { item: "Foo" }, expect: 422, exact: true },
];
