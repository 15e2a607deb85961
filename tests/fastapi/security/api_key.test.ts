// Port of the behaviour FastAPI's tests/test_security_api_key_*.py check: the schemes called in
// process and compared with the venv's FastAPI, and the test apps served by both
// (tests/fastapi/cases/security_api_key.ts).
import { suite, test } from "uvu";
import * as assert from "uvu/assert";
import { HTTPException } from "../../../src/exceptions.js";
import { APIKeyCookie, APIKeyHeader, APIKeyQuery } from "../../../src/fastapi/security/index.js";
import { requirePython } from "../../python.js";
import { makeApp } from "../apps/security_api_key.js";
import { cases } from "../cases/security_api_key.js";
import { differential } from "../differential.js";
import { type CallSpec, askFastAPI, makeRequest, tsCalls } from "./_oracle.js";

if (requirePython("fastapi")) {
  const requests: Array<Pick<CallSpec, "headers" | "query">> = [
    {},
    { query: "key=secret" },
    { query: "key=" },
    { query: "key=a&key=b" },
    { query: "key=a&key=" },
    { query: "key=%C3%A9+x" },
    { headers: [["key", "secret"]] },
    { headers: [["KEY", "secret"]] },
    { headers: [["key", ""]] },
    { headers: [["key", "a"], ["key", "b"]] },
    { headers: [["cookie", "key=secret"]] },
    { headers: [["cookie", "key="]] },
    { headers: [["cookie", "key=a; key=b"]] },
    { headers: [["cookie", 'key="a b"']] },
    { headers: [["cookie", "other=1"]] },
  ];
  const calls: CallSpec[] = (["APIKeyQuery", "APIKeyHeader", "APIKeyCookie"] as const).flatMap((cls) =>
    [true, false].flatMap((autoError) => requests.map((r) => ({ cls, options: { name: "key", autoError }, ...r }))),
  );
  const fastapi = askFastAPI({ calls });

  test("each API key scheme answers each request as FastAPI's", () => {
    const ts = tsCalls(calls);
    calls.forEach((c, i) => assert.equal(ts[i], fastapi.calls[i], JSON.stringify(c)));
  });
}

test("test_security_api_key_no_key: 401 with the APIKey challenge (a starlette HTTPException)", () => {
  for (const scheme of [new APIKeyQuery({ name: "key" }), new APIKeyHeader({ name: "key" }), new APIKeyCookie({ name: "key" })]) {
    assert.throws(
      () => scheme.call({ request: makeRequest() }),
      (err: unknown) => err instanceof HTTPException && err.statusCode === 401 && err.detail === "Not authenticated" && err.headers?.["WWW-Authenticate"] === "APIKey",
    );
  }
});

test("the key, or undefined without autoError", () => {
  assert.is(new APIKeyQuery({ name: "key" }).call({ request: makeRequest([], "key=secret") }), "secret");
  assert.is(new APIKeyHeader({ name: "X-Key" }).call({ request: makeRequest([["x-key", "secret"]]) }), "secret");
  assert.is(new APIKeyCookie({ name: "key" }).call({ request: makeRequest([["cookie", "key=secret"]]) }), "secret");
  assert.is(new APIKeyCookie({ name: "__proto__", autoError: false }).call({ request: makeRequest() }), undefined);
  assert.is(new APIKeyQuery({ name: "key", autoError: false }).checkApiKey(""), undefined);
  assert.equal(new APIKeyHeader({ name: "X-API-Key", description: "d" }).model, { type: "apiKey", description: "d", in: "header", name: "X-API-Key" });
});

const served = suite("security_api_key: FastAPI's test apps served");
differential(served, { python: "security_api_key", ts: makeApp, cases });
served.run();

test.run();
