// Port of the behaviour FastAPI's tests/test_security_oauth2*.py check: the OAuth2 schemes called
// in process on a corpus of Authorization headers and compared with the venv's FastAPI, the
// password-flow forms, and the test apps served by both (tests/fastapi/cases/security_oauth2.ts,
// security_oauth2_code_scopes.ts, security_scopes.ts).
import { suite, test } from "uvu";
import * as assert from "uvu/assert";
import { HTTPException } from "../../../src/fastapi/exceptions.js";
import { FastAPI, Depends } from "../../../src/fastapi/index.js";
import { TestClient } from "../../../src/fastapi/testclient.js";
import {
  OAuth2,
  OAuth2AuthorizationCodeBearer,
  OAuth2PasswordBearer,
  OAuth2PasswordRequestForm,
  OAuth2PasswordRequestFormStrict,
  SecurityScopes,
} from "../../../src/fastapi/security/index.js";
import { requirePython } from "../../python.js";
import { makeApp } from "../apps/security_oauth2.js";
import * as codeScopes from "../apps/security_oauth2_code_scopes.js";
import * as scopes from "../apps/security_scopes.js";
import { cases } from "../cases/security_oauth2.js";
import { cases as codeScopesCases } from "../cases/security_oauth2_code_scopes.js";
import { cases as scopesCases } from "../cases/security_scopes.js";
import { differential } from "../differential.js";
import { type CallSpec, type SchemeSpec, askFastAPI, makeRequest, tsCalls } from "./_oracle.js";

const HEADERS: Array<Array<[string, string]>> = [
  [],
  [["Authorization", ""]],
  [["Authorization", "Bearer"]],
  [["Authorization", "Bearer "]],
  [["Authorization", "Bearer testtoken"]],
  [["Authorization", "bearer testtoken"]],
  [["Authorization", "BEARER  testtoken "]],
  [["Authorization", "Bearer\ttesttoken"]],
  [["Authorization", "Bearer\u00a0testtoken"]],
  [["Authorization", "Bearer testtoken\u0085"]],
  [["Authorization", "Bearer a b"]],
  [["Authorization", "Basic am9objpzZWNyZXQ="]],
  [["Authorization", "Other footokenbar"]],
  [["Authorization", "token"]],
  [["Authorization", " Bearer x"]],
  [["Authorization", "Bearer first"], ["Authorization", "Bearer second"]],
];

const SCHEMES: SchemeSpec[] = [
  { cls: "OAuth2" },
  { cls: "OAuth2", options: { autoError: false } },
  { cls: "OAuth2PasswordBearer", options: { tokenUrl: "token" } },
  { cls: "OAuth2PasswordBearer", options: { tokenUrl: "token", autoError: false } },
  { cls: "OAuth2AuthorizationCodeBearer", options: { authorizationUrl: "a", tokenUrl: "t" } },
  { cls: "OAuth2AuthorizationCodeBearer", options: { authorizationUrl: "a", tokenUrl: "t", autoError: false } },
];

if (requirePython("fastapi")) {
  const calls: CallSpec[] = SCHEMES.flatMap((s) => HEADERS.map((headers) => ({ ...s, headers })));
  const fastapi = askFastAPI({ calls });

  test("every OAuth2 scheme answers each Authorization header as FastAPI's", () => {
    const ts = tsCalls(calls);
    calls.forEach((c, i) => assert.equal(ts[i], fastapi.calls[i], `${c.cls} ${JSON.stringify(c.options)} ${JSON.stringify(c.headers)}`));
  });
}

const authorization = (value: string) => ({ request: makeRequest([["Authorization", value]]) });

test("test_security_oauth2: OAuth2 gives the whole header, or the Bearer challenge", () => {
  const scheme = new OAuth2({ flows: { password: { tokenUrl: "token" } } });
  assert.is(scheme.call(authorization("Other footokenbar")), "Other footokenbar");
  assert.throws(
    () => scheme.call({ request: makeRequest() }),
    (err: unknown) => err instanceof HTTPException && err.statusCode === 401 && err.detail === "Not authenticated" && err.headers?.["WWW-Authenticate"] === "Bearer",
  );
  assert.is(new OAuth2({ autoError: false }).call({ request: makeRequest() }), undefined);
});

test("test_security_oauth2_password_bearer_optional: the token, or undefined", () => {
  const scheme = new OAuth2PasswordBearer({ tokenUrl: "/token", autoError: false });
  assert.is(scheme.call(authorization("Bearer testtoken")), "testtoken");
  assert.is(scheme.call(authorization("Notexistent testtoken")), undefined);
  assert.is(scheme.call({ request: makeRequest() }), undefined);
  assert.is(new OAuth2AuthorizationCodeBearer({ authorizationUrl: "a", tokenUrl: "t" }).call(authorization("Bearer  x ")), "x");
});

test("the password bearer's model", () => {
  assert.equal(new OAuth2PasswordBearer({ tokenUrl: "token", scopes: { me: "Me" }, refreshUrl: "r" }).model, {
    type: "oauth2",
    flows: { password: { refreshUrl: "r", scopes: { me: "Me" }, tokenUrl: "token" } },
  });
  // The scopes are copied: changing the object given changes nothing.
  const scopes: Record<string, string> = { a: "A" };
  const scheme = new OAuth2PasswordBearer({ tokenUrl: "token", scopes });
  scopes.b = "B";
  assert.equal((scheme.model.flows.password as { scopes: object }).scopes, { a: "A" });
});

test("OAuth2PasswordRequestForm: the form's params, FastAPI's fields with their defaults and constraints", () => {
  const p = OAuth2PasswordRequestForm.params;
  assert.equal(Object.keys(p), ["grant_type", "username", "password", "scope", "client_id", "client_secret"]);
  assert.is(p.grant_type.options.pattern, "^password$");
  assert.equal(p.password.options.jsonSchemaExtra, { format: "password" });
  assert.equal(p.client_secret.options.jsonSchemaExtra, { format: "password" });
  const s = OAuth2PasswordRequestFormStrict.params;
  assert.equal(Object.keys(s), Object.keys(p));
  assert.is(s.grant_type.options.pattern, "^password$");
  assert.is(s.password.options.jsonSchemaExtra, undefined);
  assert.is(s.client_secret.options.jsonSchemaExtra, undefined);
  const schema = (field: { schema: unknown }) => (field.schema as { "~standard": { validate: (v: unknown) => unknown; jsonSchema: { input: (o: object) => unknown; output: (o: object) => unknown } } })["~standard"];
  assert.equal(schema(p.grant_type).jsonSchema.input({}), { anyOf: [{ type: "string" }, { type: "null" }], default: null });
  assert.equal(schema(p.scope).jsonSchema.output({}), { type: "string", default: "" });
  assert.equal(schema(p.username).jsonSchema.input({}), { type: "string" });
  assert.equal(schema(s.grant_type).jsonSchema.input({}), { type: "string" });
  assert.equal(schema(p.client_id).validate(null), { value: null });
  assert.equal(schema(p.client_id).validate(undefined), { value: null });
  assert.equal(schema(p.scope).validate(undefined), { value: "" });
  assert.equal(schema(p.username).validate(undefined), { issues: [{ message: "Field required", code: "missing" }] });
  assert.equal(schema(p.username).validate(null), { issues: [{ message: "Input should be a valid string", code: "string_type" }] });
  assert.equal(schema(p.username).validate(1), { issues: [{ message: "Input should be a valid string", code: "string_type" }] });
});

test("OAuth2PasswordRequestForm: the value, scopes split as str.split()", () => {
  const values = { grant_type: null, username: "u", password: "p", scope: " a  b\u0085c ", client_id: "id", client_secret: null };
  assert.equal(OAuth2PasswordRequestForm.call(values), { grantType: null, username: "u", password: "p", scopes: ["a", "b", "c"], clientId: "id", clientSecret: null });
  assert.equal(OAuth2PasswordRequestFormStrict.call({ ...values, grant_type: "password", scope: "" }).scopes, []);
});

test("Depends(OAuth2PasswordRequestForm) in an app, typed", async () => {
  const app = new FastAPI();
  app.post("/token", { params: { form_data: Depends(OAuth2PasswordRequestForm) } }, ({ form_data }) => {
    const form: OAuth2PasswordRequestForm = form_data;
    return { user: form.username, scopes: form.scopes };
  });
  const client = new TestClient(app);
  const response = await client.post("/token", { data: { username: "john", password: "x", scope: "me items" } });
  assert.is(response.statusCode, 200);
  assert.equal(response.json(), { user: "john", scopes: ["me", "items"] });
});

test("SecurityScopes keeps its shape", () => {
  assert.equal(new SecurityScopes(["a", "b"]).scopeStr, "a b");
  assert.equal(new SecurityScopes().scopes, []);
});

const served = suite("security_oauth2: FastAPI's test apps served");
differential(served, { python: "security_oauth2", ts: makeApp, cases });
served.run();

const codeScopesServed = suite("security_oauth2_code_scopes: one scheme at every level, with and without scopes");
differential(codeScopesServed, { python: "security_oauth2_code_scopes", ts: codeScopes.makeApp, cases: codeScopesCases });
codeScopesServed.run();

const scopesServed = suite("security_scopes: SecurityScopes down the chain, and the cache");
differential(scopesServed, { python: "security_scopes", ts: scopes.makeApp, cases: scopesCases });
scopesServed.run();

test.run();
