// Cases for tests/python/fastapi_apps/body_fields.py (docs_src/body_fields).
import type { Case } from "../differential.js";

export const cases: Case[] = [
  { name: "valid item", method: "PUT", path: "/items/5", json: { item: { name: "Foo", description: "A very nice Item", price: 35.4, tax: 3.2 } }, expect: 200 },
  { name: "only required fields", method: "PUT", path: "/items/5", json: { item: { name: "Foo", price: 3.5 } }, expect: 200 },
  { name: "description of 300 characters", method: "PUT", path: "/items/5", json: { item: { name: "Foo", price: 3.5, description: "d".repeat(300) } }, expect: 200 },
  { name: "description of 301 characters", method: "PUT", path: "/items/5", json: { item: { name: "Foo", price: 3.5, description: "d".repeat(301) } }, expect: 422, compare: "status+loc" },
  { name: "description of 300 emoji", method: "PUT", path: "/items/5", json: { item: { name: "Foo", price: 3.5, description: "😀".repeat(300) } }, expect: 200, pythonOnly: "zod's .max() counts UTF-16 code units (600 here), Python's len() code points (300)" },
  { name: "price 0 is not greater than 0", method: "PUT", path: "/items/5", json: { item: { name: "Foo", price: 0 } }, expect: 422, compare: "status+loc" },
  { name: "price negative", method: "PUT", path: "/items/5", json: { item: { name: "Foo", price: -1.5 } }, expect: 422, compare: "status+loc" },
  { name: "price as a string above 0", method: "PUT", path: "/items/5", json: { item: { name: "Foo", price: "0.5" } }, expect: 200 },
  { name: "price tiny but positive", method: "PUT", path: "/items/5", json: { item: { name: "Foo", price: 5e-324 } }, expect: 200 },
  { name: "two constraint errors", method: "PUT", path: "/items/5", json: { item: { name: "Foo", price: 0, description: "d".repeat(301) } }, expect: 422, compare: "status+loc" },
  { name: "description null", method: "PUT", path: "/items/5", json: { item: { name: "Foo", price: 1.5, description: null } }, expect: 200 },
  { name: "item not embedded", method: "PUT", path: "/items/5", json: { name: "Foo", price: 3.5 }, expect: 422, exact: true },
  { name: "item_id wrong and item missing", method: "PUT", path: "/items/abc", json: {}, expect: 422, exact: true },
];
