// Cases for tests/python/fastapi_apps/security_http_basic_auth.py (docs_src/security/tutorial006
// and tutorial007; FastAPI's tests/test_tutorial/test_security/test_tutorial006.py and 007).
import type { Case } from "../differential.js";

const b64 = (s: string) => Buffer.from(s).toString("base64");

const get = (name: string, path: string, expect: number, authorization?: string): Case => ({
  name,
  method: "GET",
  path,
  expect,
  exact: true,
  ...(authorization === undefined ? {} : { headers: [["Authorization", authorization]] }),
});

export const cases: Case[] = [
  get("t006: test_security_http_basic", "/users/me", 200, `Basic ${b64("john:secret")}`),
  get("t006: test_security_http_basic_no_credentials", "/users/me", 401),
  get("t006: test_security_http_basic_invalid_credentials", "/users/me", 401, "Basic notabase64token"),
  get("t006: test_security_http_basic_non_basic_credentials", "/users/me", 401, `Basic ${b64("johnsecret")}`),
  get("t007: test_security_http_basic", "/t007/users/me", 200, `Basic ${b64("stanleyjobson:swordfish")}`),
  get("t007: test_security_http_basic_invalid_credentials", "/t007/users/me", 401, "Basic notabase64token"),
  get("t007: test_security_http_basic_non_basic_credentials", "/t007/users/me", 401, `Basic ${b64("johnsecret")}`),
  get("t007: test_security_http_basic_invalid_username", "/t007/users/me", 401, `Basic ${b64("alice:swordfish")}`),
  get("t007: test_security_http_basic_invalid_password", "/t007/users/me", 401, `Basic ${b64("stanleyjobson:wrongpassword")}`),
  get("t007: no credentials", "/t007/users/me", 401),
  get("t007: a longer password", "/t007/users/me", 401, `Basic ${b64("stanleyjobson:swordfishes")}`),
];
