// Cases for tests/python/fastapi_apps/security_http.py (FastAPI's tests/test_security_http_*.py),
// every answer compared byte for byte, WWW-Authenticate included.
import type { Case } from "../differential.js";

const b64 = (s: string | Uint8Array) => Buffer.from(s).toString("base64");

function get(name: string, path: string, expect: number, authorization?: string): Case {
  return { name, method: "GET", path, expect, exact: true, ...(authorization === undefined ? {} : { headers: [["Authorization", authorization]] }) };
}

const credentials = (prefix: string, scheme: string, optional: boolean): Case[] => {
  const missing = optional ? 200 : 401;
  return [
    get(`${prefix}: the credentials`, `${prefix}/users/me`, 200, `${scheme} foobar`),
    get(`${prefix}: with whitespaces`, `${prefix}/users/me`, 200, `${scheme}  foobar `),
    get(`${prefix}: the scheme in lower case`, `${prefix}/users/me`, 200, `${scheme.toLowerCase()} foobar`),
    get(`${prefix}: no credentials`, `${prefix}/users/me`, missing),
    get(`${prefix}: an empty header`, `${prefix}/users/me`, missing, ""),
    get(`${prefix}: the scheme alone`, `${prefix}/users/me`, missing, scheme),
    get(`${prefix}: the scheme and a space`, `${prefix}/users/me`, missing, `${scheme} `),
    get(`${prefix}: credentials with spaces`, `${prefix}/users/me`, 200, `${scheme} a b  c`),
    get(`${prefix}: a tab, not a space`, `${prefix}/users/me`, missing, `${scheme}\tfoobar`),
    get(`${prefix}: another scheme`, `${prefix}/users/me`, prefix.startsWith("/base") ? 200 : missing, "Nonexistent invalidauthorization"),
  ];
};

const basic = (prefix: string, optional: boolean): Case[] => {
  const missing = optional ? 200 : 401;
  return [
    get(`${prefix}: test_security_http_basic`, `${prefix}/users/me`, 200, `Basic ${b64("john:secret")}`),
    get(`${prefix}: no credentials`, `${prefix}/users/me`, missing),
    get(`${prefix}: invalid credentials (not base64)`, `${prefix}/users/me`, 401, "Basic notabase64token"),
    get(`${prefix}: no colon`, `${prefix}/users/me`, 401, `Basic ${b64("johnsecret")}`),
    get(`${prefix}: another scheme`, `${prefix}/users/me`, missing, "Bearer foobar"),
    get(`${prefix}: the scheme alone`, `${prefix}/users/me`, 401, "Basic"),
    get(`${prefix}: basic in lower case`, `${prefix}/users/me`, 200, `basic ${b64("john:secret")}`),
    get(`${prefix}: empty user name and password`, `${prefix}/users/me`, 200, `Basic ${b64(":")}`),
    get(`${prefix}: a colon in the password`, `${prefix}/users/me`, 200, `Basic ${b64("john:se:cret")}`),
    get(`${prefix}: padding left out`, `${prefix}/users/me`, 401, `Basic ${b64("john:secret").replace(/=+$/, "")}`),
    get(`${prefix}: junk between base64 characters is skipped`, `${prefix}/users/me`, 200, `Basic am9o*bjpz.ZWNy!ZXQ=`),
    get(`${prefix}: data after the padding is ignored`, `${prefix}/users/me`, 200, `Basic ${b64("john:secret")}AAAA`),
    get(`${prefix}: UTF-8 in the credentials (FastAPI decodes ASCII)`, `${prefix}/users/me`, 401, `Basic ${b64("jöhn:secret")}`),
    get(`${prefix}: bytes that are not UTF-8`, `${prefix}/users/me`, 401, `Basic ${b64(Buffer.from([0x6a, 0xff, 0x3a, 0x78]))}`),
    get(`${prefix}: a latin-1 character in the header`, `${prefix}/users/me`, 401, `Basic ${b64("john:secret")}\u00e9`),
    get(`${prefix}: urlsafe base64 is not base64`, `${prefix}/users/me`, 401, `Basic ${Buffer.from("\xfb\xff:x", "latin1").toString("base64url")}`),
  ];
};

export const cases: Case[] = [
  ...credentials("/base", "Other", false),
  get("/base-description: test_security_http_base", "/base-description/users/me", 200, "Other foobar"),
  get("/base-description: test_security_http_base_no_credentials", "/base-description/users/me", 401),
  ...credentials("/base-optional", "Other", true),
  ...basic("/basic", false),
  ...basic("/basic-realm", false),
  get("/basic-realm-description: test_security_http_basic", "/basic-realm-description/users/me", 200, `Basic ${b64("john:secret")}`),
  get("/basic-realm-description: no credentials", "/basic-realm-description/users/me", 401),
  ...basic("/basic-optional", true),
  ...credentials("/bearer", "Bearer", false),
  get("/bearer: test_security_http_bearer_incorrect_scheme_credentials", "/bearer/users/me", 401, "Basic notreally"),
  get("/bearer-description: test_security_http_bearer", "/bearer-description/users/me", 200, "Bearer foobar"),
  get("/bearer-description: no credentials", "/bearer-description/users/me", 401),
  ...credentials("/bearer-optional", "Bearer", true),
  get("/bearer-optional: Basic credentials", "/bearer-optional/users/me", 200, "Basic notreally"),
  ...credentials("/digest", "Digest", false),
  get("/digest: test_security_http_digest_incorrect_scheme_credentials", "/digest/users/me", 401, "Other invalidauthorization"),
  get("/digest-description: test_security_http_digest", "/digest-description/users/me", 200, "Digest foobar"),
  get("/digest-description: no credentials", "/digest-description/users/me", 401),
  ...credentials("/digest-optional", "Digest", true),
];
