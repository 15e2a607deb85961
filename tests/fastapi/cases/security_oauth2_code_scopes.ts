// Cases for tests/python/fastapi_apps/security_oauth2_code_scopes.py (FastAPI's
// tests/test_security_oauth2_authorization_code_bearer_scopes_openapi.py).
import type { Case } from "../differential.js";

const req = (name: string, method: string, path: string, expect: number, authorization?: string): Case => ({
  name,
  method,
  path,
  expect,
  exact: true,
  ...(authorization === undefined ? {} : { headers: [["Authorization", authorization]] }),
});

export const cases: Case[] = [
  req("test_root", "GET", "/", 200, "Bearer testtoken"),
  req("test_read_with_oauth2_scheme", "GET", "/with-oauth2-scheme", 200, "Bearer testtoken"),
  req("test_read_with_get_token", "GET", "/with-get-token", 200, "Bearer testtoken"),
  req("test_read_token", "GET", "/items/", 200, "Bearer testtoken"),
  req("test_create_token", "POST", "/items/", 200, "Bearer testtoken"),
  req("the app's dependency: no token", "GET", "/", 401),
  req("a router's dependency: no token", "GET", "/items/", 401),
  req("another scheme", "POST", "/items/", 401, "Basic x"),
];
