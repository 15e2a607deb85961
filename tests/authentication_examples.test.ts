// No Python counterpart: runs the examples of docs/authentication.md, then sends
// tests/fastapi/cases/starlette_authentication.ts to them over HTTP (serve()) and to
// their Python twin under uvicorn (Starlette 1.x, tests/python/fastapi_apps/
// starlette_authentication.py), comparing status, headers and bodies as the harness
// of tests/fastapi/differential.ts does.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { TestClient } from "../src/testclient.js";
import { app as api, TokenUser } from "../examples/authentication/api.js";
import { app as basic, BasicAuthBackend } from "../examples/authentication/basic_auth.js";
import { app as permissions } from "../examples/authentication/permissions.js";
import { cases } from "./fastapi/cases/starlette_authentication.js";
import { app as twin } from "./fastapi/apps/starlette_authentication.js";
import { buildRequest, compareReplies, requireVenv, send, startPython, startTs, type Reply, type Target } from "./fastapi/differential.js";
import { HTTPConnection } from "../src/requests.js";

const auth = (credentials: string) => ({ Authorization: "Basic " + Buffer.from(credentials).toString("base64") });

test("basic_auth.ts: the homepage greets the user the backend found", async () => {
  const client = new TestClient(basic);
  assert.is((await client.get("/")).text, "Hello, you");
  assert.is((await client.get("/", { headers: auth("ann:secret") })).text, "Hello, ann");
  const bad = await client.get("/", { headers: { Authorization: "Basic Zm9vYg" } });
  assert.equal([bad.statusCode, bad.text], [400, "Invalid basic auth credentials"]);
  const backend = new BasicAuthBackend();
  assert.is(await backend.authenticate(new HTTPConnection({ type: "http", headers: [["authorization", "Digest x"]] })), null);
});

test("permissions.ts: 403, 404, the redirect to login and back to next", async () => {
  const client = new TestClient(permissions, { followRedirects: false });
  assert.is((await client.get("/dashboard")).statusCode, 403);
  assert.equal((await client.get("/dashboard", { headers: auth("ann:x") })).json(), { user: "ann", scopes: ["authenticated"] });
  assert.is((await client.get("/staff", { headers: auth("ann:x") })).statusCode, 404);
  const redirected = await client.get("/admin?tab=users");
  assert.is(redirected.statusCode, 303);
  const location = redirected.headers.get("location") as string;
  assert.is(location, "http://testserver/login?next=http%3A%2F%2Ftestserver%2Fadmin%3Ftab%3Dusers");
  // The login page sends the user back where they were going, on this site only.
  const back = await client.post(location, { headers: auth("ann:x") });
  assert.equal([back.statusCode, back.headers.get("location")], [307, "http://testserver/admin?tab=users"]);
  const elsewhere = await client.post("/login?next=https%3A%2F%2Fevil.example%2F", { headers: auth("ann:x") });
  assert.is(elsewhere.headers.get("location"), "/");
  assert.is((await client.get("/admin", { headers: auth("ann:x") })).text, "Admin: ann");
  assert.equal((await client.get("/reports", { headers: auth("ann:x") })).json(), { owner: "ann", reports: 3 });
});

test("api.ts: scopes per token, the custom user read back, on_error's JSON 401", async () => {
  const client = new TestClient(api);
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  assert.equal((await client.get("/items", { headers: bearer("s3cret") })).json(), { user: "ann", plan: "pro", scopes: ["authenticated", "items:read", "items:write"] });
  assert.is((await client.post("/items", { headers: bearer("r3ad"), json: { name: "x" } })).statusCode, 403);
  const created = await client.post("/items", { headers: bearer("s3cret"), json: { name: "x" } });
  assert.equal([created.statusCode, created.json()], [201, { created: "x", by: "ann" }]);
  const wrong = await client.get("/items", { headers: bearer("nope") });
  assert.equal([wrong.statusCode, wrong.json()], [401, { error: "Invalid token" }]);
  assert.equal(new TokenUser("ann", "pro").isAuthenticated, true);
});

// The redirect's next= holds the server's own host:port percent-encoded, which the harness's
// <host> substitution does not see: decode it first, on each side with its own address. And
// Starlette joins a 405's Allow from a set, in an order that changes with PYTHONHASHSEED: sort it.
function normalized(reply: Reply, target: Target): Reply {
  const encoded = encodeURIComponent(`${target.host}:${target.port}`);
  const header = ([k, v]: [string, string]): [string, string] => {
    if (k === "location") return [k, v.split(encoded).join(`${target.host}:${target.port}`)];
    if (k === "allow") return [k, v.split(", ").sort().join(", ")];
    return [k, v];
  };
  return { ...reply, headers: reply.headers.map(header) };
}

const enabled = requireVenv();
let py: Target | null = null;
let ts: Target | null = null;

test.before(async () => {
  if (!enabled) return;
  [py, ts] = await Promise.all([startPython("starlette_authentication"), startTs(twin)]);
});

test.after(async () => {
  await Promise.all([py?.close(), ts?.close()]);
});

test("starlette_authentication: Starlette and starlette-ts answer alike", async () => {
  if (py === null || ts === null) return;
  const blocks: string[] = [];
  for (const c of cases) {
    const raw = buildRequest(c);
    const [a, b] = await Promise.all([send(py, raw), send(ts, raw)]);
    assert.is(a.status, c.expect, `${c.name}: Starlette answers ${a.status}`);
    const lines = compareReplies(c, normalized(a, py), normalized(b, ts), { py, ts }, { headers: ["content-length"] });
    if (lines.length > 0) blocks.push(`✘ ${c.name} (${c.method} ${c.path})\n${lines.map((l) => `    ${l}`).join("\n")}`);
  }
  assert.ok(blocks.length === 0, `${blocks.length} of ${cases.length} cases differ:\n\n${blocks.join("\n\n")}\n\npython log:\n${py.logs()}\nts log:\n${ts.logs()}`);
});

test.run();
