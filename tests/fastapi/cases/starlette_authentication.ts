// Cases for tests/python/fastapi_apps/starlette_authentication.py (the apps of
// docs/authentication.md's examples, from Starlette's docs and tests/test_authentication.py),
// sent by tests/authentication_examples.test.ts to Starlette and to starlette-ts.
import type { Case } from "../differential.js";

const basic = (credentials: string): [string, string] => ["Authorization", `Basic ${Buffer.from(credentials).toString("base64")}`];
const tom = basic("tomchristie:example");
const get = (name: string, path: string, expect: number, extra: Partial<Case> = {}): Case => ({ name, method: "GET", path, expect, ...extra });
const as = (...headers: Array<[string, string]>): Partial<Case> => ({ headers });

export const cases: Case[] = [
  // Starlette's docs' BasicAuthBackend app
  get("basic: no credentials", "/basic/", 200),
  get("basic: test_user_interface", "/basic/", 200, as(tom)),
  get("basic: a password with colons", "/basic/", 200, as(basic("ann:pa:ss"))),
  get("basic: an empty user", "/basic/", 200, as(basic(":secret"))),
  get("basic: header name in lower case", "/basic/", 200, as(["authorization", tom[1]])),
  get("basic: two headers, the first is read", "/basic/", 200, as(tom, basic("other:x"))),
  get("basic: a tab between scheme and credentials", "/basic/", 200, as(["Authorization", "Basic\tdG9tOng="])),
  get("basic: invalid base64 (test_authentication_required)", "/basic/", 400, as(["Authorization", "basic foobar"])),
  get("basic: the scheme alone", "/basic/", 400, as(["Authorization", "Basic"])),
  get("basic: three words", "/basic/", 400, as(["Authorization", "Basic dG9tOng= extra"])),
  get("basic: not ASCII once decoded", "/basic/", 400, as(["Authorization", "Basic /w=="])),
  get("basic: padding missing", "/basic/", 400, as(["Authorization", "Basic Zm9vYg"])),
  get("basic: characters outside base64 are dropped, as b64decode does", "/basic/", 200, as(["Authorization", "Basic Zm9v!"])),
  get("basic: another scheme is no credentials", "/basic/", 200, as(["Authorization", "Bearer s3cret"])),
  get("basic: another scheme, three words, is an error", "/basic/", 400, as(["Authorization", "Bearer a b"])),
  get("basic: the middleware answers before the router's 404", "/basic/nowhere", 400, as(["Authorization", "basic foobar"])),
  { name: "basic: and before the router's 405", method: "POST", path: "/basic/", expect: 400, headers: [["Authorization", "basic foobar"]] },
  { name: "basic: 405 with good credentials", method: "POST", path: "/basic/", expect: 405, headers: [tom] },
  // requires(): the docs' permission samples
  get("perm: requires, no credentials", "/perm/dashboard", 403),
  get("perm: requires, granted", "/perm/dashboard", 200, as(tom)),
  { name: "perm: requires, HEAD", method: "HEAD", path: "/perm/dashboard", expect: 403 },
  get("perm: requires, bad credentials", "/perm/dashboard", 400, as(["Authorization", "basic foobar"])),
  get("perm: several scopes, status_code=404", "/perm/staff", 404),
  get("perm: several scopes, one missing", "/perm/staff", 404, as(tom)),
  get("perm: redirect to login with next (test_authentication_redirect)", "/perm/admin", 303),
  get("perm: redirect keeps the query in next", "/perm/admin?x=1&y=%C3%A9&z=a+b&e=", 303),
  { name: "perm: redirect for a POST", method: "POST", path: "/perm/admin", expect: 303 },
  { name: "perm: redirect for a HEAD", method: "HEAD", path: "/perm/admin", expect: 303 },
  get("perm: redirect, granted", "/perm/admin", 200, as(tom)),
  get("perm: the login page", "/perm/login", 200),
  { name: "perm: login, no credentials", method: "POST", path: "/perm/login", expect: 200 },
  { name: "perm: login, next on another site", method: "POST", path: "/perm/login?next=http%3A%2F%2Fevil.example%2F", expect: 307, headers: [tom] },
  { name: "perm: login, no next", method: "POST", path: "/perm/login", expect: 307, headers: [tom] },
  get("perm: a decorated method, no credentials", "/perm/reports", 403),
  get("perm: a decorated method, granted", "/perm/reports", 200, as(tom)),
  // A token backend, a custom user class and on_error (test_custom_on_error)
  get("api: no token", "/api/items", 403),
  get("api: a token", "/api/items", 200, as(["Authorization", "Bearer s3cret"])),
  get("api: a read-only token", "/api/items", 200, as(["Authorization", "bearer r3ad"])),
  get("api: spaces around the token", "/api/items", 200, as(["Authorization", "Bearer  s3cret "])),
  get("api: a wrong token, on_error's 401", "/api/items", 401, as(["Authorization", "Bearer nope"])),
  get("api: Basic is no token here", "/api/items", 403, as(tom)),
  { name: "api: writing needs both scopes", method: "POST", path: "/api/items", expect: 403, json: { name: "x" }, headers: [["Authorization", "Bearer r3ad"]] },
  { name: "api: writing, granted", method: "POST", path: "/api/items", expect: 201, json: { name: "x" }, headers: [["Authorization", "Bearer s3cret"]] },
  { name: "api: writing, a wrong token", method: "POST", path: "/api/items", expect: 401, json: { name: "x" }, headers: [["Authorization", "Bearer nope"]] },
];
