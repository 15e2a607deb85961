// Port of fastapi/security/base.py's contract, tested on every scheme: `model` (the OpenAPI
// securitySchemes entry) and `schemeName` as FastAPI 0.142.2 gives them (asked of the venv's
// FastAPI through tests/python/fastapi_security.py), and the options checked at construction.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { Depends, FastAPI } from "../../../src/fastapi/index.js";
import { Request } from "../../../src/requests.js";
import {
  type HTTPAuthorizationCredentials,
  type HTTPBasicCredentials,
  APIKeyCookie,
  APIKeyHeader,
  APIKeyQuery,
  HTTPBase,
  HTTPBasic,
  HTTPBearer,
  HTTPDigest,
  OAuth2,
  OAuth2AuthorizationCodeBearer,
  OAuth2PasswordBearer,
  OpenIdConnect,
  SecurityBase,
} from "../../../src/fastapi/security/index.js";
import { requirePython } from "../../python.js";
import { type SchemeSpec, askFastAPI, tsSchemes } from "./_oracle.js";

const SCOPES = { "read:users": "Read the users", "write:users": "Create users" };

const SPECS: SchemeSpec[] = [
  { cls: "APIKeyQuery", options: { name: "key" } },
  { cls: "APIKeyQuery", options: { name: "key", description: "API Key Query" } },
  { cls: "APIKeyQuery", options: { name: "k", schemeName: "QueryKey", autoError: false } },
  { cls: "APIKeyQuery", options: { name: "k", schemeName: "", description: "" } },
  { cls: "APIKeyQuery", options: { name: "k", schemeName: null, description: null } },
  { cls: "APIKeyHeader", options: { name: "X-API-Key" } },
  { cls: "APIKeyHeader", options: { name: "key", description: "An API Key Header" } },
  { cls: "APIKeyCookie", options: { name: "session" } },
  { cls: "APIKeyCookie", options: { name: "key", description: "An API Cookie Key" } },
  { cls: "HTTPBase", options: { scheme: "Other" } },
  { cls: "HTTPBase", options: { scheme: "Other", description: "Other Security Scheme" } },
  { cls: "HTTPBasic" },
  { cls: "HTTPBasic", options: { realm: "simple" } },
  { cls: "HTTPBasic", options: { realm: "simple", description: "HTTPBasic scheme", schemeName: "basicAuth" } },
  { cls: "HTTPBearer" },
  { cls: "HTTPBearer", options: { bearerFormat: "JWT", description: "HTTP Bearer token scheme" } },
  { cls: "HTTPBearer", options: { bearerFormat: null, autoError: false } },
  { cls: "HTTPDigest" },
  { cls: "HTTPDigest", options: { description: "HTTPDigest scheme" } },
  { cls: "OAuth2" },
  { cls: "OAuth2", options: { flows: { password: { tokenUrl: "token", scopes: SCOPES } }, description: "OAuth2 security scheme" } },
  { cls: "OAuth2", options: { flows: { password: { tokenUrl: "token", refreshUrl: null } }, autoError: false } },
  {
    cls: "OAuth2",
    options: {
      flows: {
        "x-extension": { a: null, b: [null, 1] },
        authorizationCode: { tokenUrl: "t", authorizationUrl: "a", refreshUrl: "r", scopes: { a: "b" }, "x-flow": 1 },
        clientCredentials: { tokenUrl: "c", scopes: {} },
        password: { scopes: SCOPES, tokenUrl: "token" },
        implicit: { authorizationUrl: "i", tokenUrl: "ignored-but-kept" },
      },
    },
  },
  { cls: "OAuth2", options: { flows: { implicit: null, password: { tokenUrl: "t", scopes: { _sa_hidden: "as jsonable_encoder drops it", shown: "yes" } } } } },
  { cls: "OAuth2PasswordBearer", options: { tokenUrl: "token" } },
  { cls: "OAuth2PasswordBearer", options: { tokenUrl: "/token", autoError: false } },
  { cls: "OAuth2PasswordBearer", options: { tokenUrl: "token", scopes: { me: "Read information about the current user.", items: "Read items." } } },
  { cls: "OAuth2PasswordBearer", options: { tokenUrl: "token", scopes: null, refreshUrl: "refresh", description: "d", schemeName: "oauth" } },
  { cls: "OAuth2AuthorizationCodeBearer", options: { authorizationUrl: "authorize", tokenUrl: "token" } },
  { cls: "OAuth2AuthorizationCodeBearer", options: { authorizationUrl: "api/oauth/authorize", tokenUrl: "/api/oauth/token", scopes: { read: "Read access", write: "Write access" } } },
  { cls: "OAuth2AuthorizationCodeBearer", options: { authorizationUrl: "a", tokenUrl: "t", refreshUrl: "r", description: "OAuth2 Code Bearer", autoError: true } },
  { cls: "OpenIdConnect", options: { openIdConnectUrl: "/openid" } },
  { cls: "OpenIdConnect", options: { openIdConnectUrl: "/openid", description: "OpenIdConnect security scheme" } },
];

// Refused by FastAPI (pydantic validates the model) and here (a TypeError naming the option).
const BAD: SchemeSpec[] = [
  { cls: "APIKeyHeader", options: { name: null } },
  { cls: "APIKeyQuery", options: { name: 1 } },
  { cls: "HTTPBase", options: { scheme: null } },
  { cls: "OpenIdConnect", options: { openIdConnectUrl: 1 } },
  { cls: "OAuth2", options: { flows: "notadict" } },
  { cls: "OAuth2", options: { flows: { password: {} } } },
  { cls: "OAuth2", options: { flows: { password: "x" } } },
  { cls: "OAuth2", options: { flows: { password: { tokenUrl: 1 } } } },
  { cls: "OAuth2", options: { flows: { password: { tokenUrl: "t", refreshUrl: 3 } } } },
  { cls: "OAuth2", options: { flows: { password: { tokenUrl: "t", scopes: { a: 1 } } } } },
  { cls: "OAuth2", options: { flows: { password: { tokenUrl: "t", scopes: null } } } },
  { cls: "OAuth2", options: { flows: { implicit: { tokenUrl: "t" } } } },
  { cls: "OAuth2", options: { flows: { authorizationCode: { authorizationUrl: "a" } } } },
];

if (requirePython("fastapi")) {
  const fastapi = askFastAPI({ schemes: [...SPECS, ...BAD] });

  test("every scheme's model and schemeName are FastAPI's", () => {
    const ts = tsSchemes(SPECS);
    SPECS.forEach((spec, i) => assert.equal(ts[i], fastapi.schemes[i], `${spec.cls} ${JSON.stringify(spec.options)}`));
  });

  test("what FastAPI refuses is a TypeError naming the option (pydantic's loc)", () => {
    const ts = tsSchemes(BAD);
    BAD.forEach((spec, i) => {
      const py = fastapi.schemes[SPECS.length + i];
      assert.ok("error" in py && py.error[0] === "ValidationError", `FastAPI refuses ${JSON.stringify(spec)}: ${JSON.stringify(py)}`);
      const mine = ts[i];
      assert.ok("error" in mine && mine.error[0] === "TypeError", `${spec.cls} ${JSON.stringify(spec.options)} gave ${JSON.stringify(mine)}`);
      assert.ok(mine.error[1].includes(`"${py.error[1]}"`), `${mine.error[1]} names ${py.error[1]}`);
    });
  });
}

test("a scheme is a SecurityBase and a dependency object reading the request", () => {
  for (const scheme of [new APIKeyQuery({ name: "k" }), new HTTPBasic(), new OAuth2PasswordBearer({ tokenUrl: "t" }), new OpenIdConnect({ openIdConnectUrl: "u" })]) {
    assert.ok(scheme instanceof SecurityBase);
    assert.equal(Object.keys(scheme.params), ["request"]);
    assert.is(scheme.params.request, Request);
    assert.is(typeof scheme.call, "function");
  }
});

test("schemeName defaults to the class's name, a subclass's included", () => {
  class MyKey extends APIKeyHeader {}
  class CompanyAuth extends SecurityBase {
    readonly model = { type: "http", scheme: "company" };
    constructor() {
      super(null);
    }
    call(): string {
      return "ok";
    }
  }
  assert.is(new MyKey({ name: "a" }).schemeName, "MyKey");
  assert.is(new MyKey({ name: "a", schemeName: "named" }).schemeName, "named");
  assert.is(new CompanyAuth().schemeName, "CompanyAuth");
});

test("options: unknown, mistyped and missing ones are TypeErrors that name them", () => {
  const throwsType = (fn: () => unknown, pattern: RegExp) => assert.throws(fn, (err: unknown) => err instanceof TypeError && pattern.test(err.message));
  throwsType(() => new APIKeyHeader({ name: "a", auto_error: false } as never), /APIKeyHeader got an unexpected option "auto_error"; did you mean "autoError"\?/);
  throwsType(() => new HTTPBasic({ realms: "x" } as never), /HTTPBasic got an unexpected option "realms"; did you mean "realm"\?/);
  throwsType(() => new OAuth2PasswordBearer({ tokenURL: "t" } as never), /did you mean "tokenUrl"\?/);
  throwsType(() => new HTTPBearer({ autoError: "no" } as never), /HTTPBearer option "autoError" must be true or false, got "no"/);
  throwsType(() => new HTTPDigest({ description: 1 } as never), /HTTPDigest option "description" must be a string or null, got 1/);
  throwsType(() => new APIKeyCookie({} as never), /APIKeyCookie needs the option "name" \(a string\)/);
  throwsType(() => new APIKeyQuery(undefined as never), /APIKeyQuery options must be an object, got undefined/);
  throwsType(() => new OAuth2PasswordBearer({ tokenUrl: "t", scopes: ["me"] } as never), /option "scopes" must be an object of strings or null/);
  throwsType(() => new OAuth2PasswordBearer({ tokenUrl: "t", scopes: { me: 1 } } as never), /option "scopes" must be an object of strings or null/);
  throwsType(() => new OAuth2AuthorizationCodeBearer({ tokenUrl: "t" } as never), /OAuth2AuthorizationCodeBearer needs the option "authorizationUrl"/);
  throwsType(() => new OAuth2({ flows: [] } as never), /OAuth2 option "flows" must be an object, got \[\]/);
  throwsType(() => new HTTPBase({ scheme: "x", realm: "r" } as never), /HTTPBase got an unexpected option "realm"/);
  throwsType(() => new OpenIdConnect({ openIdConnectUrl: "u", scopes: {} } as never), /OpenIdConnect got an unexpected option "scopes"/);
});

test("starlette-ts/fastapi/security's export list (fastapi.security's names, HTTPBase and APIKeyBase too)", async () => {
  const module = await import("../../../src/fastapi/security/index.js");
  assert.equal(Object.keys(module).sort(), [
    "APIKeyBase", "APIKeyCookie", "APIKeyHeader", "APIKeyQuery", "HTTPBase", "HTTPBasic", "HTTPBearer", "HTTPDigest", "OAuth2",
    "OAuth2AuthorizationCodeBearer", "OAuth2PasswordBearer", "OAuth2PasswordRequestForm", "OAuth2PasswordRequestFormStrict",
    "OpenIdConnect", "SecurityBase", "SecurityScopes", "getAuthorizationSchemeParam",
  ]);
  const fastapi = await import("../../../src/fastapi/index.js");
  assert.is(module.SecurityScopes, fastapi.SecurityScopes);
  assert.not.ok("OAuth2PasswordBearer" in fastapi, "FastAPI keeps the schemes in fastapi.security");
});

test("autoError is true unless given", () => {
  assert.is(new APIKeyQuery({ name: "k" }).autoError, true);
  assert.is(new APIKeyQuery({ name: "k", autoError: false }).autoError, false);
  assert.is(new HTTPBasic().autoError, true);
  assert.is(new OAuth2().autoError, true);
  assert.is(new OpenIdConnect({ openIdConnectUrl: "u", autoError: false }).autoError, false);
});

// `npm run typecheck` compiles this: what a scheme gives is typed from its autoError.
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const check = <A>(_value: A) => ({ is: <B>(_ok: Equal<A, B>) => undefined });

test("types: the value is T, or T | undefined with autoError false (or not known)", () => {
  const app = new FastAPI();
  const optional: boolean = Math.random() > 2;
  app.get(
    "/",
    {
      params: {
        key: Depends(new APIKeyHeader({ name: "k" })),
        maybeKey: Depends(new APIKeyQuery({ name: "k", autoError: false })),
        unknownKey: Depends(new APIKeyCookie({ name: "k", autoError: optional })),
        basic: Depends(new HTTPBasic({ realm: "r" })),
        maybeBasic: Depends(new HTTPBasic({ autoError: false })),
        bearer: Depends(new HTTPBearer()),
        digest: Depends(new HTTPDigest({ autoError: true })),
        token: Depends(new OAuth2PasswordBearer({ tokenUrl: "token" })),
        maybeToken: Depends(new OAuth2AuthorizationCodeBearer({ authorizationUrl: "a", tokenUrl: "t", autoError: false })),
        header: Depends(new OpenIdConnect({ openIdConnectUrl: "u" })),
      },
    },
    ({ key, maybeKey, unknownKey, basic, maybeBasic, bearer, digest, token, maybeToken, header }) => {
      check(key).is<string>(true);
      check(maybeKey).is<string | undefined>(true);
      check(unknownKey).is<string | undefined>(true);
      check(basic).is<HTTPBasicCredentials>(true);
      check(maybeBasic).is<HTTPBasicCredentials | undefined>(true);
      check(bearer).is<HTTPAuthorizationCredentials>(true);
      check(digest).is<HTTPAuthorizationCredentials>(true);
      check(token).is<string>(true);
      check(maybeToken).is<string | undefined>(true);
      check(header).is<string>(true);
      return null;
    },
  );
  assert.ok(app);
});

test.run();
