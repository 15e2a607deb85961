// Port of the behaviour FastAPI's tests/test_security_openid_connect*.py check: the scheme called
// in process and compared with the venv's FastAPI, and the test apps served by both
// (tests/fastapi/cases/security_openid_connect.ts).
import { suite, test } from "uvu";
import * as assert from "uvu/assert";
import { HTTPException } from "../../../src/exceptions.js";
import { OpenIdConnect } from "../../../src/fastapi/security/index.js";
import { requirePython } from "../../python.js";
import { makeApp } from "../apps/security_openid_connect.js";
import { cases } from "../cases/security_openid_connect.js";
import { differential } from "../differential.js";
import { type CallSpec, askFastAPI, makeRequest, tsCalls } from "./_oracle.js";

if (requirePython("fastapi")) {
  const headers: Array<Array<[string, string]>> = [[], [["Authorization", ""]], [["Authorization", "Bearer x"]], [["Authorization", "x"]], [["Authorization", " "]]];
  const calls: CallSpec[] = [true, false].flatMap((autoError) => headers.map((h) => ({ cls: "OpenIdConnect" as const, options: { openIdConnectUrl: "/openid", autoError }, headers: h })));
  const fastapi = askFastAPI({ calls });

  test("OpenIdConnect answers each Authorization header as FastAPI's", () => {
    const ts = tsCalls(calls);
    calls.forEach((c, i) => assert.equal(ts[i], fastapi.calls[i], JSON.stringify(c)));
  });
}

test("the whole header, or the Bearer challenge (a starlette HTTPException, as FastAPI raises it)", () => {
  const oid = new OpenIdConnect({ openIdConnectUrl: "/openid" });
  assert.is(oid.call({ request: makeRequest([["Authorization", "Other footokenbar"]]) }), "Other footokenbar");
  assert.throws(
    () => oid.call({ request: makeRequest() }),
    (err: unknown) => err instanceof HTTPException && err.statusCode === 401 && err.headers?.["WWW-Authenticate"] === "Bearer",
  );
  assert.is(new OpenIdConnect({ openIdConnectUrl: "/openid", autoError: false }).call({ request: makeRequest() }), undefined);
  assert.equal(oid.model, { type: "openIdConnect", openIdConnectUrl: "/openid" });
});

const served = suite("security_openid_connect: FastAPI's test apps served");
differential(served, { python: "security_openid_connect", ts: makeApp, cases });
served.run();

test.run();
