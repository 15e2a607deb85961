// Cases for tests/python/fastapi_apps/security_openid_connect.py (FastAPI's tests/test_security_openid_connect*.py).
import type { Case } from "../differential.js";

function get(name: string, path: string, expect: number, authorization?: string): Case {
  return { name, method: "GET", path, expect, exact: true, ...(authorization === undefined ? {} : { headers: [["Authorization", authorization]] }) };
}

const variant = (prefix: string, optional: boolean): Case[] => [
  get(`${prefix}: test_security_oauth2`, `${prefix}/users/me`, 200, "Bearer footokenbar"),
  get(`${prefix}: test_security_oauth2_password_other_header`, `${prefix}/users/me`, 200, "Other footokenbar"),
  get(`${prefix}: test_security_oauth2_password_bearer_no_header`, `${prefix}/users/me`, optional ? 200 : 401),
  get(`${prefix}: an empty header`, `${prefix}/users/me`, optional ? 200 : 401, ""),
  get(`${prefix}: a header of one word`, `${prefix}/users/me`, 200, "footokenbar"),
];

export const cases: Case[] = [...variant("/oid", false), ...variant("/oid-description", false), ...variant("/oid-optional", true)];
