// Cases for tests/python/fastapi_apps/header_param_models.py (docs_src/header_param_models).
// The Host header (the server's address) comes back in bodies: the harness writes <host> for it.
import type { Case } from "../differential.js";

export const cases: Case[] = [
  // tutorial001
  { name: "required headers only", method: "GET", path: "/items/", headers: [["save-data", "true"]], expect: 200 },
  {
    name: "every header",
    method: "GET",
    path: "/items/",
    headers: [["save-data", "0"], ["if-modified-since", "yesterday"], ["traceparent", "123"], ["x-tag", "a"], ["x-tag", "b"]],
    expect: 200,
  },
  { name: "save_data missing: the input is every header", method: "GET", path: "/items/", headers: [["x-other", "1"]], expect: 422, exact: true },
  { name: "save_data not a bool", method: "GET", path: "/items/", headers: [["save-data", "maybe"]], expect: 422, exact: true },
  { name: "save_data with an underscore does not count", method: "GET", path: "/items/", headers: [["save_data", "true"]], expect: 422, exact: true },
  { name: "unknown headers are dropped", method: "GET", path: "/items/", headers: [["save-data", "yes"], ["x-other", "1"], ["x-other", "2"]], expect: 200 },
  // tutorial002: extra="forbid" (every header the client sends counts)
  { name: "forbid: the client's own headers are extra", method: "GET", path: "/t002/items/", headers: [["save-data", "true"]], expect: 422, exact: true },
  // tutorial003: convert_underscores=False
  { name: "as written: save_data with an underscore", method: "GET", path: "/t003/items/", headers: [["save_data", "true"], ["x_tag", "a"], ["x_tag", "b"]], expect: 200 },
  { name: "as written: save-data with a hyphen does not count", method: "GET", path: "/t003/items/", headers: [["save-data", "true"]], expect: 422, exact: true },
];
