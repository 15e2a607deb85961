// Cases for tests/python/fastapi_apps/security_simple_oauth2.py (docs_src/security/tutorial003;
// FastAPI's tests/test_tutorial/test_security/test_tutorial003.py).
import type { Case } from "../differential.js";

const token = (name: string, form: Case["form"], expect: number, extra: Partial<Case> = {}): Case => ({ name, method: "POST", path: "/token", form, expect, exact: true, ...extra });

const me = (name: string, expect: number, authorization?: string): Case => ({
  name,
  method: "GET",
  path: "/users/me",
  expect,
  // A model in the body: arktype writes its keys in another order, compared as JSON (whatever the order) for that kit.
  exact: expect !== 200,
  ...(authorization === undefined ? {} : { headers: [["Authorization", authorization]] }),
});

export const cases: Case[] = [
  token("test_login", { username: "johndoe", password: "secret" }, 200),
  token("test_login_incorrect_password", { username: "johndoe", password: "incorrect" }, 400),
  token("test_login_incorrect_username", { username: "foo", password: "secret" }, 400),
  token("a grant_type other than password", { username: "johndoe", password: "secret", grant_type: "client_credentials" }, 422),
  token("no password", { username: "johndoe" }, 422),
  token("no form at all", undefined, 422),
  token("__proto__ as the user name", { username: "__proto__", password: "secret" }, 400),
  me("test_no_token", 401),
  me("test_token", 200, "Bearer johndoe"),
  me("test_incorrect_token", 401, "Bearer nonexistent"),
  me("test_incorrect_token_type", 401, "Notexistent testtoken"),
  me("test_inactive_user", 400, "Bearer alice"),
  me("the scheme in lower case", 200, "bearer johndoe"),
];
