// Cases for tests/python/fastapi_apps/response_status_code.py (docs_src/response_status_code).
import type { Case } from "../differential.js";

export const cases: Case[] = [
  { name: "t001: 201", method: "POST", path: "/items/?name=foo", expect: 201 },
  { name: "t001: 201, byte for byte", method: "POST", path: "/items/?name=foo", expect: 201, exact: true },
  { name: "t001: an empty name", method: "POST", path: "/items/?name=", expect: 201 },
  { name: "t001: a 422 keeps its own status", method: "POST", path: "/items/", expect: 422, exact: true },
  { name: "t001: a 405 keeps its own status", method: "GET", path: "/items/?name=foo", expect: 405 },
  { name: "t001: a 404 elsewhere", method: "POST", path: "/nothing/", expect: 404 },
  { name: "t001: a body is ignored", method: "POST", path: "/items/?name=foo", json: { name: "bar" }, expect: 201 },
  { name: "t002: status.HTTP_201_CREATED", method: "POST", path: "/t002/items/?name=bar", expect: 201 },
  { name: "t002: missing name", method: "POST", path: "/t002/items/", expect: 422, exact: true },
  { name: "t002: redirect keeps the method's 307", method: "POST", path: "/t002/items?name=bar", expect: 307 },
];
