// Cases for tests/python/fastapi_apps/body_updates.py (docs_src/body_updates). The cases
// change the fake databases, in this order.
import type { Case } from "../differential.js";

export const cases: Case[] = [
  // tutorial001: PUT replaces the whole item
  { name: "t001: read foo, defaults filled", method: "GET", path: "/items/foo", expect: 200 },
  { name: "t001: read bar", method: "GET", path: "/items/bar", expect: 200 },
  { name: "t001: unknown item", method: "GET", path: "/items/nope", expect: 500 },
  { name: "t001: PUT bar: tax back to its default", method: "PUT", path: "/items/bar", json: { name: "Barz", price: 3, description: null }, expect: 200 },
  { name: "t001: read bar after the PUT", method: "GET", path: "/items/bar", expect: 200 },
  { name: "t001: PUT a new item", method: "PUT", path: "/items/qux", json: { name: "Qux", tags: ["a", "b"] }, expect: 200 },
  { name: "t001: read the new item", method: "GET", path: "/items/qux", expect: 200 },
  { name: "t001: PUT an empty object resets everything", method: "PUT", path: "/items/foo", json: {}, expect: 200 },
  { name: "t001: PUT an invalid price", method: "PUT", path: "/items/foo", json: { price: "cheap" }, expect: 422, exact: true },
  { name: "t001: PUT without a body", method: "PUT", path: "/items/foo", expect: 422, exact: true },
  // tutorial002: PATCH changes only what is sent
  { name: "t002: read foo", method: "GET", path: "/t002/items/foo", expect: 200 },
  { name: "t002: PATCH the price", method: "PATCH", path: "/t002/items/foo", json: { price: 60.5 }, expect: 200 },
  { name: "t002: read foo after the PATCH", method: "GET", path: "/t002/items/foo", expect: 200 },
  { name: "t002: PATCH tags", method: "PATCH", path: "/t002/items/foo", json: { tags: ["new"] }, expect: 200 },
  { name: "t002: PATCH an explicit null", method: "PATCH", path: "/t002/items/bar", json: { description: null }, expect: 200 },
  { name: "t002: PATCH nothing", method: "PATCH", path: "/t002/items/baz", json: {}, expect: 200 },
  { name: "t002: PATCH tax as a numeric string", method: "PATCH", path: "/t002/items/baz", json: { tax: "12" }, expect: 200 },
  { name: "t002: PATCH with unknown fields only", method: "PATCH", path: "/t002/items/baz", json: { colour: "red" }, expect: 200 },
  { name: "t002: PATCH an invalid price", method: "PATCH", path: "/t002/items/foo", json: { price: "free" }, expect: 422, exact: true },
  { name: "t002: PATCH tax null is invalid", method: "PATCH", path: "/t002/items/foo", json: { tax: null }, expect: 422, exact: true },
  { name: "t002: PATCH an unknown item", method: "PATCH", path: "/t002/items/nope", json: { price: 1.5 }, expect: 500 },
  { name: "t002: read everything after", method: "GET", path: "/t002/items/bar", expect: 200 },
  { name: "t002: PUT is not allowed", method: "PUT", path: "/t002/items/foo", json: {}, expect: 405 },
];
