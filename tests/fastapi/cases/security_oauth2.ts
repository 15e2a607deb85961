// Cases for tests/python/fastapi_apps/security_oauth2.py (FastAPI's tests/test_security_oauth2*.py).
import type { Case } from "../differential.js";

function get(name: string, path: string, expect: number, authorization?: string): Case {
  return { name, method: "GET", path, expect, exact: true, ...(authorization === undefined ? {} : { headers: [["Authorization", authorization]] }) };
}

function login(name: string, path: string, expect: number, form?: Case["form"], extra: Partial<Case> = {}): Case {
  return { name, method: "POST", path, expect, exact: true, ...(form === undefined ? {} : { form }), ...extra };
}

const strictLogin = (prefix: string): Case[] => [
  login(`${prefix}: test_strict_login_no_data`, `${prefix}/login`, 422),
  login(`${prefix}: test_strict_login_no_grant_type`, `${prefix}/login`, 422, { username: "johndoe", password: "secret" }),
  login(`${prefix}: test_strict_login_incorrect_grant_type[incorrect value]`, `${prefix}/login`, 422, { username: "johndoe", password: "secret", grant_type: "incorrect" }),
  login(`${prefix}: test_strict_login_incorrect_grant_type[password with suffix]`, `${prefix}/login`, 422, { username: "johndoe", password: "secret", grant_type: "passwordblah" }),
  login(`${prefix}: test_strict_login_incorrect_grant_type[password with prefix]`, `${prefix}/login`, 422, { username: "johndoe", password: "secret", grant_type: "blahpassword" }),
  login(`${prefix}: test_strict_login_correct_grant_type`, `${prefix}/login`, 200, { username: "johndoe", password: "secret", grant_type: "password" }),
  login(`${prefix}: an empty grant_type is a missing one`, `${prefix}/login`, 422, { username: "johndoe", password: "secret", grant_type: "" }),
  login(`${prefix}: every field`, `${prefix}/login`, 200, { grant_type: "password", username: "u", password: "p", scope: " me  items:read\tusers ", client_id: "c", client_secret: "s" }),
  login(`${prefix}: multipart`, `${prefix}/login`, 200, { grant_type: "password", username: "u", password: "p" }, { files: [] }),
  login(`${prefix}: JSON is no form`, `${prefix}/login`, 422, undefined, { json: { grant_type: "password", username: "u", password: "p" } }),
];

const oauth2Header = (prefix: string, optional: boolean): Case[] => [
  get(`${prefix}: test_security_oauth2`, `${prefix}/users/me`, 200, "Bearer footokenbar"),
  get(`${prefix}: test_security_oauth2_password_other_header`, `${prefix}/users/me`, 200, "Other footokenbar"),
  get(`${prefix}: test_security_oauth2_password_bearer_no_header`, `${prefix}/users/me`, optional ? 200 : 401),
  get(`${prefix}: an empty header`, `${prefix}/users/me`, optional ? 200 : 401, ""),
  get(`${prefix}: a header without a space`, `${prefix}/users/me`, 200, "token"),
];

const bearer = (prefix: string, optional: boolean): Case[] => {
  const missing = optional ? 200 : 401;
  return [
    get(`${prefix}: test_token`, `${prefix}/items/`, 200, "Bearer testtoken"),
    get(`${prefix}: test_token_with_whitespaces`, `${prefix}/items/`, 200, "Bearer  testtoken "),
    get(`${prefix}: test_no_token`, `${prefix}/items/`, missing),
    get(`${prefix}: test_incorrect_token`, `${prefix}/items/`, missing, "Notexistent testtoken"),
    get(`${prefix}: bearer in lower case`, `${prefix}/items/`, 200, "bearer testtoken"),
    get(`${prefix}: Bearer alone gives an empty token`, `${prefix}/items/`, 200, "Bearer"),
    get(`${prefix}: Bearer and spaces give an empty token`, `${prefix}/items/`, 200, "Bearer   "),
    get(`${prefix}: an empty header`, `${prefix}/items/`, missing, ""),
    get(`${prefix}: a tab after Bearer`, `${prefix}/items/`, missing, "Bearer\ttesttoken"),
    get(`${prefix}: the token with spaces`, `${prefix}/items/`, 200, "Bearer a b"),
    get(`${prefix}: a latin-1 token`, `${prefix}/items/`, 200, "Bearer t\u00f6ken"),
  ];
};

export const cases: Case[] = [
  ...oauth2Header("/oauth2", false),
  ...strictLogin("/oauth2"),
  ...oauth2Header("/oauth2-optional", true),
  ...strictLogin("/oauth2-optional"),
  ...oauth2Header("/oauth2-optional-description", true),
  login("/oauth2-optional-description: test_strict_login_None", "/oauth2-optional-description/login", 422),
  ...bearer("/password-bearer-optional", true),
  ...bearer("/password-bearer-optional-description", true).slice(0, 4),
  ...bearer("/code-bearer", false),
  ...bearer("/code-bearer-description", false).slice(0, 4),
  ...bearer("/password-bearer", false),
  // The permissive form: grant_type may be absent, but must be "password" when given.
  login("permissive: no grant_type", "/permissive/login", 200, { username: "johndoe", password: "secret" }),
  login("permissive: grant_type password", "/permissive/login", 200, { username: "johndoe", password: "secret", grant_type: "password" }),
  login("permissive: another grant_type", "/permissive/login", 422, { username: "johndoe", password: "secret", grant_type: "client_credentials" }),
  login("permissive: no data", "/permissive/login", 422),
  login("permissive: no password", "/permissive/login", 422, { username: "johndoe" }),
  login("permissive: an empty password", "/permissive/login", 422, { username: "johndoe", password: "" }),
  login("permissive: scopes split at whitespace", "/permissive/login", 200, { username: "u", password: "p", scope: "items:read items:write users:read profile openid" }),
  login("permissive: Python's whitespace", "/permissive/login", 200, { username: "u", password: "p", scope: "a\u0085b\u00a0c\u3000d\u001fe\ufefff" }),
  login("permissive: a blank scope", "/permissive/login", 200, { username: "u", password: "p", scope: "   " }),
  login("permissive: client id and secret", "/permissive/login", 200, { username: "u", password: "p", client_id: "id", client_secret: "s3cret" }),
  login("permissive: a file for the password", "/permissive/login", 422, { username: "u" }, { files: [{ field: "password", filename: "p.txt", content: "secret" }], exact: false, compare: "status+loc" }),
  login("permissive: repeated username, the last wins", "/permissive/login", 200, [["username", "a"], ["username", "b"], ["password", "p"]]),
  login("permissive: unknown fields are ignored", "/permissive/login", 200, { username: "u", password: "p", extra: "x" }),
];
