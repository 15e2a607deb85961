// Cases for tests/python/fastapi_apps/path_operation_configuration.py
// (docs_src/path_operation_configuration). Tags, summaries, descriptions and
// deprecation show only in /openapi.json.
import type { Case } from "../differential.js";

const item = { name: "Foo", price: 42.5, tags: ["one"] };

export const cases: Case[] = [
  { name: "t001: 201", method: "POST", path: "/t001/items/", json: item, expect: 201 },
  { name: "t001: a set with duplicates", method: "POST", path: "/t001/items/", json: { ...item, tags: ["a", "a"] }, expect: 201 },
  { name: "t001: invalid item keeps 422", method: "POST", path: "/t001/items/", json: { price: 1.5 }, expect: 422, exact: true },
  { name: "t002: POST with tags", method: "POST", path: "/t002/items/", json: item, expect: 200 },
  { name: "t002: GET items", method: "GET", path: "/t002/items/", expect: 200 },
  { name: "t002: GET users", method: "GET", path: "/t002/users/", expect: 200 },
  { name: "t002b: enum tags", method: "GET", path: "/t002b/items/", expect: 200 },
  { name: "t002b: users", method: "GET", path: "/t002b/users/", expect: 200 },
  { name: "t003: summary and description", method: "POST", path: "/t003/items/", json: item, expect: 200 },
  { name: "t004: docstring description", method: "POST", path: "/t004/items/", json: item, expect: 200 },
  { name: "t005: response_description", method: "POST", path: "/t005/items/", json: item, expect: 200 },
  { name: "t006: deprecated still answers", method: "GET", path: "/t006/elements/", expect: 200 },
  { name: "t006: items", method: "GET", path: "/t006/items/", expect: 200 },
  { name: "t006: users", method: "GET", path: "/t006/users/", expect: 200 },
  { name: "openapi: tags, summary, description, response_description, deprecated", method: "GET", path: "/openapi.json", expect: 200, ignoreKeyOrder: true },
  { name: "docs page", method: "GET", path: "/docs", expect: 200 },
  { name: "redoc page", method: "GET", path: "/redoc", expect: 200 },
];
