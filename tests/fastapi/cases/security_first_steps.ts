// Cases for tests/python/fastapi_apps/security_first_steps.py (docs_src/security/tutorial001;
// FastAPI's tests/test_tutorial/test_security/test_tutorial001.py).
import type { Case } from "../differential.js";

const items = (name: string, expect: number, authorization?: string): Case => ({
  name,
  method: "GET",
  path: "/items/",
  expect,
  exact: true,
  ...(authorization === undefined ? {} : { headers: [["Authorization", authorization]] }),
});

export const cases: Case[] = [
  items("test_no_token", 401),
  items("test_token", 200, "Bearer testtoken"),
  items("test_incorrect_token", 401, "Notexistent testtoken"),
  items("a token with spaces around", 200, "Bearer   testtoken  "),
  items("an empty token", 200, "Bearer "),
  items("the token route is the user's", 401, "Basic am9objpzZWNyZXQ="),
  { name: "no /token route in this chapter", method: "POST", path: "/token", expect: 404, exact: true },
];
