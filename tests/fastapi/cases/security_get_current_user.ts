// Cases for tests/python/fastapi_apps/security_get_current_user.py (docs_src/security/tutorial002;
// FastAPI's tests/test_tutorial/test_security/test_tutorial002.py).
import type { Case } from "../differential.js";

const me = (name: string, expect: number, authorization?: string): Case => ({
  name,
  method: "GET",
  path: "/users/me",
  expect,
  exact: true,
  ...(authorization === undefined ? {} : { headers: [["Authorization", authorization]] }),
});

export const cases: Case[] = [
  me("test_no_token", 401),
  me("test_token", 200, "Bearer testtoken"),
  me("test_incorrect_token", 401, "Notexistent testtoken"),
  me("a non-ASCII token", 200, "Bearer t\u00f6ken"),
];
