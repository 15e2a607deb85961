// Cases for tests/python/fastapi_apps/response_model.py (docs_src/response_model).
import type { Case } from "../differential.js";

const item = { name: "Portal Gun", description: "A gun", price: 42.5, tax: 3.5, tags: ["x"] };
const user = { username: "foo", password: "secret", email: "foo@example.com", full_name: "Foo Bar" };

export const cases: Case[] = [
  // tutorial001_01 and 001
  { name: "t001_01: POST returns the item", method: "POST", path: "/t001_01/items/", json: item, expect: 200 },
  { name: "t001_01: GET returns models", method: "GET", path: "/t001_01/items/", expect: 200 },
  { name: "t001_01: invalid item", method: "POST", path: "/t001_01/items/", json: { name: "x" }, expect: 422, exact: true },
  { name: "t001: POST with defaults filled in", method: "POST", path: "/t001/items/", json: { name: "Plumbus", price: 3.5 }, expect: 200 },
  { name: "t001: GET dicts validated into models", method: "GET", path: "/t001/items/", expect: 200 },
  { name: "t001: extra input fields are not returned", method: "POST", path: "/t001/items/", json: { ...item, secret: "s" }, expect: 200 },
  // tutorial002: the input model as output
  { name: "t002: the password comes back", method: "POST", path: "/t002/user/", json: user, expect: 200 },
  { name: "t002: any string is an email here", method: "POST", path: "/t002/user/", json: { ...user, email: "not-an-email" }, expect: 200 },
  { name: "t002: missing password", method: "POST", path: "/t002/user/", json: { username: "foo", email: "foo@example.com" }, expect: 422, exact: true },
  // tutorial003 and 003_01: filtered
  { name: "t003: the password is filtered out", method: "POST", path: "/t003/user/", json: user, expect: 200 },
  { name: "t003: full_name default", method: "POST", path: "/t003/user/", json: { username: "foo", password: "p", email: "e" }, expect: 200 },
  { name: "t003_01: a base class filters the password", method: "POST", path: "/t003_01/user/", json: user, expect: 200 },
  // tutorial003_02, 003_03, 003_05: Response annotations
  { name: "t003_02: JSONResponse", method: "GET", path: "/t003_02/portal", expect: 200 },
  { name: "t003_02: redirect", method: "GET", path: "/t003_02/portal?teleport=true", expect: 307 },
  { name: "t003_03: redirect", method: "GET", path: "/t003_03/teleport", expect: 307 },
  { name: "t003_05: dict", method: "GET", path: "/t003_05/portal", expect: 200 },
  { name: "t003_05: redirect", method: "GET", path: "/t003_05/portal?teleport=1", expect: 307 },
  { name: "t003_05: teleport not a bool", method: "GET", path: "/t003_05/portal?teleport=warp", expect: 422, exact: true },
  // tutorial004: response_model_exclude_unset
  { name: "t004: foo, only what was set", method: "GET", path: "/t004/items/foo", expect: 200 },
  { name: "t004: bar, int price as float", method: "GET", path: "/t004/items/bar", expect: 200 },
  { name: "t004: baz, defaults set explicitly are kept", method: "GET", path: "/t004/items/baz", expect: 200 },
  { name: "t004: unknown item is a KeyError", method: "GET", path: "/t004/items/nope", expect: 500 },
  // tutorial005 and 006: include / exclude
  { name: "t005: include name and description", method: "GET", path: "/t005/items/bar/name", expect: 200 },
  { name: "t005: include with description unset", method: "GET", path: "/t005/items/foo/name", expect: 200 },
  { name: "t005: exclude tax", method: "GET", path: "/t005/items/baz/public", expect: 200 },
  { name: "t005: exclude tax, defaults filled", method: "GET", path: "/t005/items/foo/public", expect: 200 },
  { name: "t006: include from a list", method: "GET", path: "/t006/items/bar/name", expect: 200 },
  { name: "t006: exclude from a list", method: "GET", path: "/t006/items/bar/public", expect: 200 },
];
