// Port of tests/test_exceptions.py (Python's repr tests aside).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { App } from "../src/applications.js";
import { HTTPException, WebSocketException } from "../src/exceptions.js";
import { ExceptionMiddleware } from "../src/middleware/exceptions.js";
import { PlainTextResponse, StreamingResponse } from "../src/responses.js";
import { Route, Router, WebSocketRoute } from "../src/routing.js";
import { TestClient } from "../src/testclient.js";
import type { ASGIApp, Receive, Scope, Send } from "../src/types.js";
import { WebSocketDisconnect } from "../src/websockets.js";
import { rejects } from "./helpers.js";

test("test_http_str and the default detail is the reason phrase", () => {
  assert.is(String(new HTTPException(404)), "404: Not Found");
  assert.is(String(new HTTPException(404, "Not Found: foo")), "404: Not Found: foo");
  assert.is(new HTTPException(418).detail, "I'm a Teapot");
  assert.is(new HTTPException(599).detail, "");
  assert.equal(new HTTPException(401, null, { "WWW-Authenticate": "Basic" }).headers, { "WWW-Authenticate": "Basic" });
  assert.is(new HTTPException(400).headers, null);
  // FastAPI's subclass takes any JSON value as detail: the message is its JSON.
  const structured = new HTTPException<{ field: string }>(422, { field: "name" });
  assert.equal(structured.detail, { field: "name" });
  assert.is(structured.message, '{"field":"name"}');
});

function raiser(status: number, headers?: Record<string, string>) {
  return () => {
    throw new HTTPException(status, null, headers);
  };
}

function raiseRuntimeError(): never {
  throw new Error("runtime error");
}

const router = new Router({
  routes: [
    new Route("/not_acceptable", raiser(406)),
    new Route("/no_content", raiser(204)),
    new Route("/not_modified", raiser(304)),
    new Route("/with_headers", raiser(401, { "WWW-Authenticate": "Basic" })),
    new Route("/runtime_error", raiseRuntimeError),
    new WebSocketRoute("/runtime_error", raiseRuntimeError),
    new Route(
      "/handled_exc_after_response",
      () =>
        new StreamingResponse(
          (async function* () {
            yield "partial";
            throw new HTTPException(406);
          })(),
        ),
    ),
  ],
});
const app = new ExceptionMiddleware(router.call.bind(router));
const client = new TestClient(app);

test("test_not_acceptable, test_no_content, test_not_modified, test_with_headers", async () => {
  let response = await client.get("/not_acceptable");
  assert.is(response.statusCode, 406);
  assert.is(response.text, "Not Acceptable");
  response = await client.get("/no_content");
  assert.is(response.statusCode, 204);
  assert.is(response.text, "");
  assert.not.ok(response.headers.has("content-length"));
  response = await client.get("/not_modified");
  assert.is(response.statusCode, 304);
  response = await client.get("/with_headers");
  assert.is(response.statusCode, 401);
  assert.is(response.headers.get("www-authenticate"), "Basic");
});

test("test_websockets_should_raise", async () => {
  assert.is((await rejects(client.websocketConnect("/runtime_error"))).message, "runtime error");
  // The same route over http: an unhandled error propagates.
  assert.is((await rejects(client.get("/runtime_error"))).message, "runtime error");
});

test("test_websocket_str", () => {
  assert.is(String(new WebSocketException(1008)), "1008: ");
  assert.is(String(new WebSocketException(1008, "Policy Violation")), "1008: Policy Violation");
  const exc = new WebSocketException(1013, null);
  assert.is(exc.code, 1013);
  assert.is(exc.reason, "");
  assert.instance(exc, Error);
});

test("ExceptionMiddleware closes a websocket with a WebSocketException's code and reason, before or after accept", async () => {
  const router = new Router({
    routes: [
      new WebSocketRoute("/before", () => {
        throw new WebSocketException(4001, "refused");
      }),
      new WebSocketRoute("/after", async (websocket) => {
        await websocket.accept();
        throw new WebSocketException(1008, "Policy Violation");
      }),
    ],
  });
  const client = new TestClient(new ExceptionMiddleware((scope, receive, send) => router.call(scope, receive, send)));
  const refused = (await rejects(client.websocketConnect("/before"))) as WebSocketDisconnect;
  assert.instance(refused, WebSocketDisconnect);
  assert.equal([refused.code, refused.reason], [4001, "refused"]);
  await client.websocketConnect("/after", {}, async (websocket) => {
    assert.equal(await websocket.receive(), { type: "websocket.close", code: 1008, reason: "Policy Violation" });
  });
});

test("a handler gets a Request for http and a WebSocket for a websocket scope", async () => {
  class Refused extends Error {}
  const seen: string[] = [];
  const mw = new ExceptionMiddleware(
    async () => {
      throw new Refused();
    },
    { handlers: new Map([[Refused, (conn: unknown) => void seen.push((conn as object).constructor.name)]]) },
  );
  const receive = async () => ({ type: "http.request" });
  await mw.call({ type: "http", method: "GET", path: "/", headers: [] }, receive, async () => undefined);
  await mw.call({ type: "websocket", path: "/", headers: [] }, receive, async () => undefined);
  assert.equal(seen, ["Request", "WebSocket"]);
});

test("test_handled_exc_after_response", async () => {
  const error = await rejects(client.get("/handled_exc_after_response"));
  assert.is(error.message, "Caught handled exception, but response already started.");
  assert.instance((error as Error & { cause: unknown }).cause, HTTPException);
});

test("test_force_500_response: a handler can answer any error", async () => {
  const app = new App({ routes: [new Route("/", raiser(400))], exceptionHandlers: [[HTTPException, () => new PlainTextResponse("nope", { statusCode: 500 })]] });
  assert.is((await new TestClient(app).get("/")).statusCode, 500);
});

test("a handler returning nothing sends nothing more", async () => {
  const app = new App({ routes: [new Route("/", raiser(400))], exceptionHandlers: [[400, () => null]] });
  assert.is((await rejects(new TestClient(app).get("/"))).message, "TestClient did not receive any response.");
});

test("non-error throwables are re-thrown unchanged", async () => {
  const app = new App({ routes: [new Route("/", () => Promise.reject("a string"))] });
  const thrown = await new TestClient(app).get("/").then(
    () => "resolved",
    (e: unknown) => e,
  );
  assert.is(thrown, "a string");
});

test("an ASGI app written without async (it returns nothing) is served through the exception handling", async () => {
  const plain = {
    call(_scope: Scope, _receive: Receive, send: Send): void {
      void send({ type: "http.response.start", status: 200, headers: [["content-type", "text/plain"]] });
      void send({ type: "http.response.body", body: new TextEncoder().encode("sync") });
    },
  };
  const app = new App({ routes: [new Route("/", plain as unknown as { call: ASGIApp })] });
  const response = await new TestClient(app).get("/");
  assert.is(response.statusCode, 200);
  assert.is(response.text, "sync");
});

test.run();
