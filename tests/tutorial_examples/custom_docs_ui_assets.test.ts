// The sample of docs/advanced/custom-docs-ui-assets.md against its FastAPI twin: the Swagger UI
// page pointing at the app's own files, the OAuth2 redirect page, Swagger UI's files from the
// swagger-ui-dist package, the automatic pages turned off, and the password login the docs use.
// tests/browser_docs.test.ts drives the same app in Chromium.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { app as tutorial001 } from "../../examples/tutorial/custom_docs_ui_assets/tutorial001.js";
import { TestClient } from "../../src/testclient.js";
import { comparePairs, type Exchange } from "./_samples.js";

const validators = ["content-length", "accept-ranges"];
const openapi: Exchange = { path: "/openapi.json", bodiesDiffer: "the same document with its keys in another order: compared below as values" };

const requests: Exchange[] = [
  { path: "/docs", compareHeaders: ["content-length"] },
  { path: "/docs/oauth2-redirect", compareHeaders: ["content-length"] },
  { path: "/static/swagger-ui.css", compareHeaders: validators },
  // Not a .js file: Python guesses its type from /etc/mime.types where the machine has one
  // (Debian's says text/javascript), starlette-ts from Python's built-in table (application/javascript).
  { method: "HEAD", path: "/static/favicon-32x32.png", compareHeaders: validators },
  "/static/missing.js",
  "/redoc",
  openapi,
  "/users/me",
  { method: "POST", path: "/token", data: { username: "johndoe", password: "wrong" } },
  { method: "POST", path: "/token", data: { username: "johndoe", password: "secret" } },
  { path: "/users/me", headers: { authorization: "Bearer johndoe" } },
  { path: "/users/me", headers: { authorization: "Bearer alice" } },
  { path: "/users/me", headers: { authorization: "Bearer nobody" }, compareHeaders: ["www-authenticate"] },
];

const python = comparePairs(test, [{ module: "examples/tutorial/custom_docs_ui_assets/tutorial001", app: tutorial001, requests }]);

test("/openapi.json: the document FastAPI gives for the twin", async () => {
  const ours = JSON.parse((await new TestClient(tutorial001).get("/openapi.json")).text) as Record<string, unknown>;
  assert.equal(Object.keys(ours.paths as object), ["/token", "/users/me"], "the docs routes are left out of the document");
  const fastapi = python?.[0][requests.indexOf(openapi)];
  if (fastapi !== undefined) assert.equal(ours, JSON.parse(fastapi.body));
});

test.run();
