// The samples of docs/advanced/security/ (oauth2-scopes, http-basic-auth) against their FastAPI
// twins, in one Python process: status, body and WWW-Authenticate of each answer, and
// /openapi.json whatever the order of keys. The scopes chapter's tokens are made here with
// node:crypto, apart from the samples' code, and sent to both apps; the tokens the two /token
// endpoints issue hold the time, so they are checked below rather than compared.
import { createHmac } from "node:crypto";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { app as basic001 } from "../../examples/advanced/security/http_basic_auth/tutorial001.js";
import { app as basic002 } from "../../examples/advanced/security/http_basic_auth/tutorial002.js";
import { app as scopes } from "../../examples/advanced/security/oauth2_scopes/tutorial001.js";
import { TestClient } from "../../src/testclient.js";
import { compareDocuments } from "./_openapi.js";
import { comparePairs, type Exchange, type Sample } from "./_samples.js";

const openapi: Exchange = { path: "/openapi.json", pythonOnly: true };
const auth = ["www-authenticate"];

function get(path: string, authorization?: string): Exchange {
  return { path, compareHeaders: auth, ...(authorization === undefined ? {} : { headers: { Authorization: authorization } }) };
}

const basic = (credentials: string) => `Basic ${Buffer.from(credentials, "utf8").toString("base64")}`;

const SECRET_KEY = "09d25e094faa6ca2556c818166b7a9563b93f7099f6f0f4caa6cf63b88e8d3e7";
const b64url = (data: string | Buffer) => Buffer.from(data).toString("base64url");
const sign = (input: string) => b64url(createHmac("sha256", SECRET_KEY).update(input).digest());

function jwt(payload: Record<string, unknown>): string {
  const input = `${b64url(JSON.stringify({ alg: "HS256", typ: "JWT" }))}.${b64url(JSON.stringify(payload))}`;
  return `${input}.${sign(input)}`;
}

const exp = Math.floor(Date.now() / 1000) + 3600; // an hour: uvu imports every test file before running the first
const bearer = (sub: string, scope?: string) => `Bearer ${jwt(scope === undefined ? { sub, exp } : { sub, scope, exp })}`;

// Each path operation with tokens of each set of scopes: /status/ needs none, /users/me/ "me", /users/me/items/ "me" and "items".
const scoped: Exchange[] = ["/status/", "/users/me/", "/users/me/items/"].flatMap((path) => [
  get(path),
  get(path, bearer("johndoe", "")),
  get(path, bearer("johndoe")),
  get(path, bearer("johndoe", "me")),
  get(path, bearer("johndoe", "items")),
  get(path, bearer("johndoe", "me items")),
  get(path, bearer("alice", "me items")),
  get(path, bearer("nobody", "me items")),
  get(path, "Bearer not-a-token"),
]);

function login(data: Record<string, string>, extra: Partial<Exchange & object> = {}): Exchange {
  return { method: "POST", path: "/token", data, compareHeaders: auth, ...extra };
}

const samples: Sample[] = [
  {
    module: "examples/advanced/security/oauth2_scopes/tutorial001",
    app: scopes,
    requests: [
      login({ username: "johndoe", password: "secret", scope: "me items" }, { bodiesDiffer: "the token holds its expiry time, read from the clock: checked below" }),
      login({ username: "johndoe", password: "wrong" }),
      login({ username: "nobody", password: "secret" }),
      ...scoped,
      // An expired token: the scopes it holds do not matter.
      get("/status/", `Bearer ${jwt({ sub: "johndoe", scope: "me", exp: exp - 7200 })}`),
      openapi,
    ],
  },
  {
    module: "examples/advanced/security/http_basic_auth/tutorial001",
    app: basic001,
    requests: [
      get("/users/me"),
      get("/users/me", basic("john:secret")),
      get("/users/me", basic("john:")),
      get("/users/me", basic("john:pass:word")),
      get("/users/me", basic("no colon")),
      get("/users/me", "Basic not base64!"),
      get("/users/me", "Bearer abc"),
      openapi,
    ],
  },
  {
    module: "examples/advanced/security/http_basic_auth/tutorial002",
    app: basic002,
    requests: [
      get("/users/me"),
      get("/users/me", basic("stanleyjobson:swordfish")),
      get("/users/me", basic("stanleyjobson:wrong")),
      get("/users/me", basic("stanleyjobsox:swordfish")),
      get("/users/me", basic("Sebastián:swordfish")),
      openapi,
    ],
  },
];

const python = comparePairs(test, samples);
// FastAPI's tokens were issued as the file loaded (uvu loads every file before running any test).
const pythonIssuedAt = Math.floor(Date.now() / 1000);
compareDocuments(test, samples, python);

test("oauth2_scopes: both /token endpoints put the granted scopes in an HS256 JWT that expires in 30 minutes", async () => {
  const client = new TestClient(scopes);
  const issued = [(await client.post("/token", { data: { username: "johndoe", password: "secret", scope: "me items" } })).json() as { access_token: string }];
  const py = python?.[0][0];
  if (py !== undefined) issued.push(JSON.parse(py.body));
  for (const [i, { access_token }] of issued.entries()) {
    const who = i === 0 ? "TS" : "FastAPI";
    const [header, body, signature] = access_token.split(".");
    assert.is(signature, sign(`${header}.${body}`), `${who}: the signature is not HS256 with SECRET_KEY`);
    const claims = JSON.parse(Buffer.from(body, "base64url").toString()) as { sub: string; scope: string; exp: number };
    assert.equal(Object.keys(claims), ["sub", "scope", "exp"], who);
    assert.equal([claims.sub, claims.scope], ["johndoe", "me items"], who);
    const expires = claims.exp - (i === 0 ? Math.floor(Date.now() / 1000) : pythonIssuedAt);
    assert.ok(expires > 29 * 60 && expires <= 30 * 60, `${who}: exp ${claims.exp} is not 30 minutes from now`);
    const items = await client.get("/users/me/items/", { headers: { Authorization: `Bearer ${access_token}` } });
    assert.is(items.statusCode, 200, `${who}'s token: ${items.text}`);
    assert.equal(items.json(), [{ item_id: "Foo", owner: "johndoe" }]);
  }
});

test.run();
