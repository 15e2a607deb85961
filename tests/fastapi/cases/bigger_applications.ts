// Cases for tests/python/fastapi_apps/bigger_applications.py
// (docs_src/bigger_applications/app_an_py310). Every route needs ?token=jessica; the
// items and admin routers also X-Token.
import type { Case } from "../differential.js";

const xToken: [string, string] = ["X-Token", "fake-super-secret-token"];

export const cases: Case[] = [
  { name: "root", method: "GET", path: "/?token=jessica", expect: 200 },
  { name: "root without the token", method: "GET", path: "/", expect: 422, exact: true },
  { name: "root with the wrong token", method: "GET", path: "/?token=monica", expect: 400 },
  { name: "users", method: "GET", path: "/users/?token=jessica", expect: 200 },
  { name: "users/me", method: "GET", path: "/users/me?token=jessica", expect: 200 },
  { name: "users/{username}", method: "GET", path: "/users/rick?token=jessica", expect: 200 },
  { name: "users without the token", method: "GET", path: "/users/", expect: 422, exact: true },
  { name: "items with both tokens", method: "GET", path: "/items/?token=jessica", headers: [xToken], expect: 200 },
  { name: "items without X-Token", method: "GET", path: "/items/?token=jessica", expect: 422, exact: true },
  { name: "items without either: two errors, the app's first", method: "GET", path: "/items/", expect: 422, exact: true },
  { name: "items with a wrong X-Token", method: "GET", path: "/items/?token=jessica", headers: [["X-Token", "x"]], expect: 400 },
  { name: "items with both wrong: the app's dependency raises first", method: "GET", path: "/items/?token=x", headers: [["X-Token", "x"]], expect: 400 },
  { name: "an item", method: "GET", path: "/items/plumbus?token=jessica", headers: [xToken], expect: 200 },
  { name: "an unknown item", method: "GET", path: "/items/morty?token=jessica", headers: [xToken], expect: 404 },
  { name: "update plumbus", method: "PUT", path: "/items/plumbus?token=jessica", headers: [xToken], expect: 200 },
  { name: "update another item", method: "PUT", path: "/items/gun?token=jessica", headers: [xToken], expect: 403 },
  { name: "items without the trailing slash redirects", method: "GET", path: "/items?token=jessica", headers: [xToken], expect: 307 },
  { name: "admin", method: "POST", path: "/admin/?token=jessica", headers: [xToken], expect: 200 },
  { name: "admin without X-Token", method: "POST", path: "/admin/?token=jessica", expect: 422, exact: true },
  { name: "admin with GET", method: "GET", path: "/admin/?token=jessica", headers: [xToken], expect: 405 },
  { name: "an unknown route needs no token", method: "GET", path: "/nowhere", expect: 404 },
  { name: "openapi: tags, prefixes, responses", method: "GET", path: "/openapi.json", expect: 200, ignoreKeyOrder: true },
];
