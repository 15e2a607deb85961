// Port of tests/middleware/test_errors.py.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { ServerErrorMiddleware } from "../../src/middleware/errors.js";
import { JSONResponse, Response } from "../../src/responses.js";
import { TestClient } from "../../src/testclient.js";
import type { ASGIApp } from "../../src/types.js";
import { rejects } from "../helpers.js";

const boom: ASGIApp = async () => {
  throw new Error("Something went wrong");
};

test("test_handler", async () => {
  const app = new ServerErrorMiddleware(boom, { handler: (_r, e) => new JSONResponse({ detail: (e as Error).message }, { statusCode: 500 }) });
  const response = await new TestClient(app, { raiseServerExceptions: false }).get("/");
  assert.is(response.statusCode, 500);
  assert.equal(response.json(), { detail: "Something went wrong" });
});

test("test_debug_text", async () => {
  const response = await new TestClient(new ServerErrorMiddleware(boom, { debug: true }), { raiseServerExceptions: false }).get("/");
  assert.is(response.statusCode, 500);
  assert.is(response.headers.get("content-type"), "text/plain; charset=utf-8");
  assert.ok(response.text.includes("Error: Something went wrong"));
});

test("test_debug_html", async () => {
  const app = new ServerErrorMiddleware(async () => {
    throw "<not an error>";
  }, { debug: true });
  const response = await new TestClient(app, { raiseServerExceptions: false }).get("/", { headers: { accept: "text/html, */*" } });
  assert.is(response.statusCode, 500);
  assert.is(response.headers.get("content-type"), "text/html; charset=utf-8");
  assert.ok(response.text.includes("&lt;not an error&gt;"));
  const text = await new TestClient(app, { raiseServerExceptions: false }).get("/");
  assert.is(text.text, "Error: <not an error>");
});

test("test_debug_after_response_sent: nothing more is sent, the error is re-thrown", async () => {
  const app: ASGIApp = async (scope, receive, send) => {
    await new Response().call(scope, receive, send);
    throw new Error("Something went wrong");
  };
  const client = new TestClient(new ServerErrorMiddleware(app, { debug: true }));
  assert.is((await rejects(client.get("/"))).message, "Something went wrong");
  const response = await new TestClient(new ServerErrorMiddleware(app, { debug: true }), { raiseServerExceptions: false }).get("/");
  assert.is(response.statusCode, 200);
});

test("test_debug_not_http: other scopes' errors pass through untouched", async () => {
  const app = new ServerErrorMiddleware(boom);
  const error = await rejects(app.call({ type: "websocket" }, async () => ({ type: "websocket.connect" }), async () => undefined));
  assert.is(error.message, "Something went wrong");
});

test("an app that throws synchronously, or returns nothing, is handled like an async one", async () => {
  const throwing = ((() => {
    throw new Error("sync boom");
  }) as unknown) as ASGIApp;
  const response = await new TestClient(new ServerErrorMiddleware(throwing), { raiseServerExceptions: false }).get("/");
  assert.is(response.statusCode, 500);
  assert.is(response.text, "Internal Server Error");
  assert.is((await rejects(new TestClient(new ServerErrorMiddleware(throwing)).get("/"))).message, "sync boom");
  const plain = (((_scope: unknown, _receive: unknown, send: (m: object) => Promise<void>) => {
    void send({ type: "http.response.start", status: 204, headers: [] });
    void send({ type: "http.response.body", body: new Uint8Array(0) });
  }) as unknown) as ASGIApp;
  assert.is((await new TestClient(new ServerErrorMiddleware(plain)).get("/")).statusCode, 204);
});

test.run();
