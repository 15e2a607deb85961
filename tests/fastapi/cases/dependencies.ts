// Cases for tests/python/fastapi_apps/dependencies.py (docs_src/dependencies).
import type { Case } from "../differential.js";

const token: [string, string] = ["X-Token", "fake-super-secret-token"];
const key: [string, string] = ["X-Key", "fake-super-secret-key"];

export const cases: Case[] = [
  // tutorial001: function dependency
  { name: "t001: defaults", method: "GET", path: "/items/", expect: 200 },
  { name: "t001: all given", method: "GET", path: "/items/?q=foo&skip=5&limit=30", expect: 200 },
  { name: "t001: shared by /users/", method: "GET", path: "/users/?q=bar", expect: 200 },
  { name: "t001: an error inside the dependency", method: "GET", path: "/items/?skip=x", expect: 422, exact: true },
  { name: "t001: two errors inside the dependency", method: "GET", path: "/users/?skip=x&limit=y", expect: 422, exact: true },
  // tutorial002-004: class dependency
  { name: "t002: class, defaults", method: "GET", path: "/t002/items/", expect: 200 },
  { name: "t002: class, q and slice", method: "GET", path: "/t002/items/?q=a&skip=1&limit=1", expect: 200 },
  { name: "t002: class, limit wrong", method: "GET", path: "/t002/items/?limit=many", expect: 422, exact: true },
  { name: "t003: class, Any annotation", method: "GET", path: "/t003/items/?skip=2", expect: 200 },
  { name: "t004: Depends() shortcut", method: "GET", path: "/t004/items/?q=z&limit=2", expect: 200 },
  // tutorial005: sub-dependencies
  { name: "t005: q wins", method: "GET", path: "/t005/items/?q=query", cookies: { last_query: "cookie" }, expect: 200 },
  { name: "t005: no q: the cookie", method: "GET", path: "/t005/items/", cookies: { last_query: "cookie" }, expect: 200 },
  { name: "t005: empty q: the cookie", method: "GET", path: "/t005/items/?q=", cookies: { last_query: "cookie" }, expect: 200 },
  { name: "t005: neither", method: "GET", path: "/t005/items/", expect: 200 },
  // tutorial006: dependencies in the decorator
  { name: "t006: both headers right", method: "GET", path: "/t006/items/", headers: [token, key], expect: 200 },
  { name: "t006: both missing: two errors", method: "GET", path: "/t006/items/", expect: 422, exact: true },
  { name: "t006: key missing", method: "GET", path: "/t006/items/", headers: [token], expect: 422, exact: true },
  { name: "t006: wrong token", method: "GET", path: "/t006/items/", headers: [["X-Token", "nope"], key], expect: 400 },
  { name: "t006: wrong key", method: "GET", path: "/t006/items/", headers: [token, ["X-Key", "nope"]], expect: 400 },
  { name: "t006: both wrong: the first dependency raises", method: "GET", path: "/t006/items/", headers: [["X-Token", "a"], ["X-Key", "b"]], expect: 400 },
  { name: "t006: x_token with an underscore does not count", method: "GET", path: "/t006/items/", headers: [["x_token", "fake-super-secret-token"], key], expect: 422, exact: true },
  // tutorial011: callable instance
  { name: "t011: contains bar", method: "GET", path: "/query-checker/?q=foobar", expect: 200 },
  { name: "t011: does not", method: "GET", path: "/query-checker/?q=foo", expect: 200 },
  { name: "t011: no q", method: "GET", path: "/query-checker/", expect: 200 },
  // use_cache (not in the docs)
  { name: "use_cache: solved once, unless use_cache=False", method: "GET", path: "/cache/", expect: 200 },
  // tutorial012: global dependencies on a mounted app
  { name: "t012: items with both headers", method: "GET", path: "/t012/items/", headers: [token, key], expect: 200 },
  { name: "t012: users with both headers", method: "GET", path: "/t012/users/", headers: [token, key], expect: 200 },
  { name: "t012: users without headers", method: "GET", path: "/t012/users/", expect: 422, exact: true },
  { name: "t012: wrong key", method: "GET", path: "/t012/items/", headers: [token, ["X-Key", "k"]], expect: 400 },
  { name: "t012: an unknown route is 404 before any dependency", method: "GET", path: "/t012/nowhere", expect: 404 },
];
