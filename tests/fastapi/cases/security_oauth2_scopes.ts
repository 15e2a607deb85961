// Cases for tests/python/fastapi_apps/security_oauth2_scopes.py (docs_src/security/tutorial005;
// FastAPI's tests/test_tutorial/test_security/test_tutorial005.py), the tokens made here as
// both twins make them.
import { SECRET_KEY, jwtEncode } from "../apps/security_oauth2_scopes.js";
import type { Case } from "../differential.js";

const jwt = (payload: Record<string, unknown>, key = SECRET_KEY) => jwtEncode(payload, key, "HS256");

const token = (name: string, form: Case["form"], expect: number): Case => ({ name, method: "POST", path: "/token", form, expect, exact: true });

const get = (name: string, path: string, expect: number, authorization?: string): Case => ({
  name,
  method: "GET",
  path,
  expect,
  // A model in the body: arktype writes its keys in another order, compared as JSON (whatever the order) for that kit.
  exact: expect !== 200,
  ...(authorization === undefined ? {} : { headers: [["Authorization", authorization]] }),
});

const bearer = (payload: Record<string, unknown>) => `Bearer ${jwt(payload)}`;
const john = (scope: string) => bearer({ sub: "johndoe", scope });

export const cases: Case[] = [
  token("test_login", { username: "johndoe", password: "secret" }, 200),
  token("test_login with scopes", { username: "johndoe", password: "secret", scope: "me items" }, 200),
  token("test_login_incorrect_password", { username: "johndoe", password: "incorrect" }, 400),
  token("test_login_incorrect_username", { username: "foo", password: "secret" }, 400),
  get("test_no_token", "/users/me/", 401),
  get("test_token", "/users/me/", 200, john("me")),
  get("test_incorrect_token", "/users/me/", 401, "Bearer nonexistent"),
  get("test_incorrect_token_type", "/users/me/", 401, "Notexistent testtoken"),
  get("test_verify_password (a token with every scope)", "/users/me/", 200, john("me items")),
  get("test_token_no_sub", "/users/me/", 401, bearer({ scope: "me" })),
  get("test_token_no_username", "/users/me/", 401, bearer({ sub: "nonexistentuser", scope: "me" })),
  get("test_token_not_enough_permissions", "/users/me/", 401, john("")),
  get("test_token_nonexistent_user", "/users/me/", 401, bearer({ sub: "username:bob", scope: "me" })),
  get("test_token_inactive_user", "/users/me/", 400, bearer({ sub: "alice", scope: "me" })),
  get("a token signed with another key", "/users/me/", 401, `Bearer ${jwt({ sub: "johndoe", scope: "me" }, "another key")}`),
  get("test_read_items", "/users/me/items/", 200, john("me items")),
  get("items without the items scope", "/users/me/items/", 401, john("me")),
  get("items without a token", "/users/me/items/", 401),
  get("items with a bad token", "/users/me/items/", 401, "Bearer x.y.z"),
  get("test_read_system_status", "/status/", 200, john("")),
  get("test_read_system_status_no_token", "/status/", 401),
  get("status with a bad token: no scope in the challenge", "/status/", 401, "Bearer nonexistent"),
];
