// Cases for tests/python/fastapi_apps/security_api_key.py (FastAPI's tests/test_security_api_key_*.py).
import type { Case } from "../differential.js";

const get = (name: string, path: string, expect: number, extra: Partial<Case> = {}): Case => ({ name, method: "GET", path, expect, exact: true, ...extra });

export const cases: Case[] = [
  // APIKeyQuery
  get("query: test_security_api_key", "/query/users/me?key=secret", 200),
  get("query: test_security_api_key_no_key", "/query/users/me", 401),
  get("query: an empty key is no key", "/query/users/me?key=", 401),
  get("query: the last of two keys", "/query/users/me?key=first&key=second", 200),
  get("query: an empty last key", "/query/users/me?key=first&key=", 401),
  get("query: percent-encoded", "/query/users/me?key=s%C3%A9cret%20%2B", 200),
  get("query: another name is no key", "/query/users/me?KEY=secret", 401),
  get("query: the key in a header is no key", "/query/users/me", 401, { headers: [["key", "secret"]] }),
  get("query-description: test_security_api_key", "/query-description/users/me?key=secret", 200),
  get("query-description: test_security_api_key_no_key", "/query-description/users/me", 401),
  get("query-optional: test_security_api_key", "/query-optional/users/me?key=secret", 200),
  get("query-optional: test_security_api_key_no_key", "/query-optional/users/me", 200),
  get("query-optional: an empty key", "/query-optional/users/me?key=", 200),
  // APIKeyHeader
  get("header: test_security_api_key", "/header/users/me", 200, { headers: [["key", "secret"]] }),
  get("header: test_security_api_key_no_key", "/header/users/me", 401),
  get("header: the name in capitals", "/header/users/me", 200, { headers: [["KEY", "secret"]] }),
  get("header: an empty value", "/header/users/me", 401, { headers: [["key", ""]] }),
  get("header: a blank value (the parser strips it)", "/header/users/me", 401, { headers: [["key", " "]] }),
  get("header: two headers, the first wins", "/header/users/me", 200, { headers: [["key", "first"], ["key", "second"]] }),
  get("header: latin-1 bytes", "/header/users/me", 200, { headers: [["key", "caf\u00e9"]] }),
  get("header: the key in the query is no key", "/header/users/me?key=secret", 401),
  get("header-description: test_security_api_key", "/header-description/users/me", 200, { headers: [["key", "secret"]] }),
  get("header-description: test_security_api_key_no_key", "/header-description/users/me", 401),
  get("header-optional: test_security_api_key", "/header-optional/users/me", 200, { headers: [["key", "secret"]] }),
  get("header-optional: test_security_api_key_no_key", "/header-optional/users/me", 200),
  get("header-optional: an empty value", "/header-optional/users/me", 200, { headers: [["key", ""]] }),
  // APIKeyCookie
  get("cookie: test_security_api_key", "/cookie/users/me", 200, { cookies: { key: "secret" } }),
  get("cookie: test_security_api_key_no_key", "/cookie/users/me", 401),
  get("cookie: an empty cookie", "/cookie/users/me", 401, { cookies: { key: "" } }),
  get("cookie: among others", "/cookie/users/me", 200, { headers: [["cookie", "a=1; key=secret; b=2"]] }),
  get("cookie: twice, the last wins", "/cookie/users/me", 200, { headers: [["cookie", "key=first; key=second"]] }),
  get("cookie: quoted", "/cookie/users/me", 200, { headers: [["cookie", 'key="se cret"']] }),
  get("cookie: another name", "/cookie/users/me", 401, { cookies: { Key: "secret" } }),
  get("cookie-description: test_security_api_key", "/cookie-description/users/me", 200, { cookies: { key: "secret" } }),
  get("cookie-description: test_security_api_key_no_key", "/cookie-description/users/me", 401),
  get("cookie-optional: test_security_api_key", "/cookie-optional/users/me", 200, { cookies: { key: "secret" } }),
  get("cookie-optional: test_security_api_key_no_key", "/cookie-optional/users/me", 200),
  // Not in FastAPI's tests
  get("X-API-Key: given", "/x-api-key/users/me", 200, { headers: [["x-api-key", "abc"]] }),
  get("X-API-Key: missing", "/x-api-key/users/me", 401),
];
