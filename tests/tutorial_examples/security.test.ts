// The samples of docs/tutorial/security/ (first-steps, get-current-user, simple-oauth2,
// oauth2-jwt) against their FastAPI twins, in one Python process: status, body and
// WWW-Authenticate of each answer, and /openapi.json whatever the order of keys. The JWT chapter's
// tokens are made here with node:crypto, apart from the samples' code, and sent to both apps; the
// tokens the two /token endpoints issue hold the time, so they are checked below rather than compared.
import { createHmac } from "node:crypto";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { app as firstSteps } from "../../examples/tutorial/security/first_steps/tutorial001.js";
import { app as getCurrentUser } from "../../examples/tutorial/security/get_current_user/tutorial001.js";
import { app as oauth2Jwt } from "../../examples/tutorial/security/oauth2_jwt/tutorial001.js";
import { app as simpleOauth2 } from "../../examples/tutorial/security/simple_oauth2/tutorial001.js";
import { TestClient } from "../../src/testclient.js";
import { compareDocuments } from "./_openapi.js";
import { comparePairs, type Exchange, type Sample } from "./_samples.js";

const dir = "examples/tutorial/security";
const openapi: Exchange = { path: "/openapi.json", pythonOnly: true };
const auth = ["www-authenticate"];

function get(path: string, authorization?: string): Exchange {
  return { path, compareHeaders: auth, ...(authorization === undefined ? {} : { headers: { Authorization: authorization } }) };
}

function login(data: Record<string, string>, extra: Partial<Exchange & object> = {}): Exchange {
  return { method: "POST", path: "/token", data, compareHeaders: auth, ...extra };
}

// The JWT chapter's key, and tokens made with it (or not) as RFC 7519 has them.
const SECRET_KEY = "09d25e094faa6ca2556c818166b7a9563b93f7099f6f0f4caa6cf63b88e8d3e7";
const b64url = (data: string | Buffer) => Buffer.from(data).toString("base64url");
const sign = (input: string, key: string) => b64url(createHmac("sha256", key).update(input).digest());

function jwt(payload: Record<string, unknown>, { key = SECRET_KEY, alg = "HS256" } = {}): string {
  const input = `${b64url(JSON.stringify({ alg, typ: "JWT" }))}.${b64url(JSON.stringify(payload))}`;
  return `${input}.${sign(input, key)}`;
}

const now = Math.floor(Date.now() / 1000);
const valid = jwt({ sub: "johndoe", exp: now + 600 });

const samples: Sample[] = [
  {
    module: `${dir}/first_steps/tutorial001`,
    app: firstSteps,
    requests: [
      get("/items/"),
      get("/items/", "Bearer foobar"),
      get("/items/", "bearer foobar"),
      get("/items/", "Basic Zm9vOmJhcg=="),
      get("/items/", "foobar"),
      openapi,
      "/docs",
    ],
  },
  {
    module: `${dir}/get_current_user/tutorial001`,
    app: getCurrentUser,
    requests: [get("/users/me", "Bearer alice"), get("/users/me"), get("/users/me", "Token alice"), openapi],
  },
  {
    module: `${dir}/simple_oauth2/tutorial001`,
    app: simpleOauth2,
    requests: [
      login({ username: "johndoe", password: "secret" }),
      login({ username: "johndoe", password: "secret", grant_type: "password", scope: "me items" }),
      login({ username: "johndoe", password: "wrong" }),
      login({ username: "nobody", password: "secret" }),
      // The form itself: a field missing, a grant_type other than "password", JSON instead of a form.
      login({ username: "johndoe" }),
      login({ username: "johndoe", password: "secret", grant_type: "client_credentials" }),
      { method: "POST", path: "/token", json: { username: "johndoe", password: "secret" } },
      get("/users/me", "Bearer johndoe"),
      get("/users/me", "Bearer alice"),
      get("/users/me", "Bearer nobody"),
      get("/users/me"),
      openapi,
    ],
  },
  {
    module: `${dir}/oauth2_jwt/tutorial001`,
    app: oauth2Jwt,
    requests: [
      login({ username: "johndoe", password: "secret" }, { bodiesDiffer: "the token holds its expiry time, read from the clock: checked below" }),
      login({ username: "johndoe", password: "wrong" }),
      login({ username: "nobody", password: "secret" }),
      get("/users/me/", `Bearer ${valid}`),
      get("/users/me/items/", `Bearer ${valid}`),
      // No expiry is no expiry (as PyJWT, unless told to require it).
      get("/users/me/", `Bearer ${jwt({ sub: "johndoe" })}`),
      get("/users/me/", `Bearer ${jwt({ sub: "johndoe", exp: now - 60 })}`),
      get("/users/me/", `Bearer ${jwt({ sub: "johndoe", exp: now + 600 }, { key: "another key" })}`),
      get("/users/me/", `Bearer ${jwt({ sub: "johndoe", exp: now + 600 }, { alg: "none" })}`),
      get("/users/me/", `Bearer ${jwt({ exp: now + 600 })}`),
      get("/users/me/", `Bearer ${jwt({ sub: "alice", exp: now + 600 })}`),
      get("/users/me/", `Bearer ${valid.slice(0, -2)}`),
      get("/users/me/", `Bearer ${valid}.extra`),
      get("/users/me/", "Bearer johndoe"),
      get("/users/me/"),
      openapi,
    ],
  },
];

const python = comparePairs(test, samples);
// FastAPI's tokens were issued as the file loaded (uvu loads every file before running any test).
const pythonIssuedAt = Math.floor(Date.now() / 1000);
compareDocuments(test, samples, python);

interface Claims {
  sub?: unknown;
  exp?: unknown;
}

/** An issued token's parts: its header and claims, and whether its signature is the key's. */
function inspect(token: string): { header: unknown; claims: Claims; signed: boolean } {
  const [header, body, signature] = token.split(".");
  const decode = (part: string): unknown => JSON.parse(Buffer.from(part, "base64url").toString());
  return { header: decode(header), claims: decode(body) as Claims, signed: signature === sign(`${header}.${body}`, SECRET_KEY) };
}

test("oauth2_jwt: both /token endpoints issue an HS256 JWT for johndoe that expires in 30 minutes", async () => {
  const client = new TestClient(oauth2Jwt);
  const issued = [(await client.post("/token", { data: { username: "johndoe", password: "secret" } })).json() as { access_token: string; token_type: string }];
  const py = python?.[3][0];
  if (py !== undefined) issued.push(JSON.parse(py.body));
  for (const [i, { access_token, token_type }] of issued.entries()) {
    const who = i === 0 ? "TS" : "FastAPI";
    assert.is(token_type, "bearer", who);
    const { header, claims, signed } = inspect(access_token);
    assert.equal(header, { alg: "HS256", typ: "JWT" }, who);
    assert.ok(signed, `${who}: the signature is not HS256 with SECRET_KEY`);
    assert.equal(Object.keys(claims), ["sub", "exp"], who);
    assert.is(claims.sub, "johndoe", who);
    const expires = Number(claims.exp) - (i === 0 ? Math.floor(Date.now() / 1000) : pythonIssuedAt);
    assert.ok(Number.isInteger(claims.exp) && expires > 29 * 60 && expires <= 30 * 60, `${who}: exp ${claims.exp} is not 30 minutes from now`);
    // Each app accepts the other's token: the TS app is asked with both.
    const me = await client.get("/users/me/", { headers: { Authorization: `Bearer ${access_token}` } });
    assert.is(me.statusCode, 200, `${who}'s token: ${me.text}`);
    assert.equal(me.json(), { username: "johndoe", email: "johndoe@example.com", full_name: "John Doe", disabled: false });
  }
});

test.run();
