// Port of the parts of FastAPI's tests/test_application.py, test_default_response_class.py,
// test_http_exception*.py and test_custom_*_handler that concern the app itself.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as z from "zod";
import { Middleware } from "../../src/middleware/index.js";
import { PlainTextResponse } from "../../src/responses.js";
import { Route } from "../../src/routing.js";
import { TestClient } from "../../src/fastapi/testclient.js";
import type { Request } from "../../src/requests.js";
import {
  FastAPI,
  HTTPException,
  HTMLResponse,
  JSONResponse,
  Path,
  Query,
  RequestValidationError,
  jsonableEncoder,
} from "../../src/fastapi/index.js";
import { HTTPException as StarletteHTTPException } from "../../src/exceptions.js";

test("test_default_not_found_and_method_not_allowed_are_json", async () => {
  const app = new FastAPI();
  app.get("/items/", () => []);
  const client = new TestClient(app);
  const missing = await client.get("/nope");
  assert.is(missing.statusCode, 404);
  assert.is(missing.text, '{"detail":"Not Found"}');
  assert.is(missing.headers.get("content-type"), "application/json");
  const wrong = await client.post("/items/");
  assert.is(wrong.statusCode, 405);
  assert.is(wrong.text, '{"detail":"Method Not Allowed"}');
  // FastAPI's routes take only the methods given: no HEAD with GET, unlike Starlette's.
  assert.is(wrong.headers.get("allow"), "GET");
  assert.is((await client.head("/items/")).statusCode, 405);
});

test("test_http_exception_with_any_json_detail_and_headers", async () => {
  const app = new FastAPI();
  app.get("/items/{item_id}", { params: { item_id: Path(z.string()) } }, ({ item_id }) => {
    if (item_id === "dict") throw new HTTPException(418, { msg: "teapot", items: [1, 2] }, { "X-Error": "There goes my error" });
    throw new HTTPException(404, "Item not found");
  });
  app.get("/no-detail", () => {
    throw new HTTPException(403);
  });
  app.get("/no-body", () => {
    throw new HTTPException(304);
  });
  const client = new TestClient(app);
  const dict = await client.get("/items/dict");
  assert.is(dict.statusCode, 418);
  assert.equal(dict.json(), { detail: { msg: "teapot", items: [1, 2] } });
  assert.is(dict.headers.get("x-error"), "There goes my error");
  assert.equal((await client.get("/items/x")).json(), { detail: "Item not found" });
  assert.equal((await client.get("/no-detail")).json(), { detail: "Forbidden" });
  const noBody = await client.get("/no-body");
  assert.is(noBody.statusCode, 304);
  assert.is(noBody.text, "");
});

test("a Starlette HTTPException is answered the same way", async () => {
  const app = new FastAPI();
  app.get("/", () => {
    throw new StarletteHTTPException(400, "plain");
  });
  assert.equal((await new TestClient(app).get("/")).json(), { detail: "plain" });
});

test("test_override_http_exception_handler", async () => {
  const app = new FastAPI();
  app.exceptionHandler(StarletteHTTPException)((_request: Request, exc: unknown) => new PlainTextResponse(String((exc as HTTPException).detail), { statusCode: (exc as HTTPException).statusCode }));
  app.get("/items/{item_id}", { params: { item_id: Path(z.int()) } }, ({ item_id }) => {
    if (item_id === 3) throw new HTTPException(418, "Nope! I don't like 3.");
    return { item_id };
  });
  const client = new TestClient(app);
  const r = await client.get("/items/3");
  assert.is(r.statusCode, 418);
  assert.is(r.text, "Nope! I don't like 3.");
});

test("test_override_request_validation_exception", async () => {
  const app = new FastAPI();
  app.exceptionHandler(RequestValidationError)((_request: Request, exc: unknown) => {
    const e = exc as RequestValidationError;
    return new JSONResponse({ detail: jsonableEncoder(e.errors()), body: e.body }, { statusCode: 400 });
  });
  app.get("/items/{item_id}", { params: { item_id: Path(z.int()) } }, ({ item_id }) => ({ item_id }));
  const r = await new TestClient(app).get("/items/foo");
  assert.is(r.statusCode, 400);
  assert.equal(r.json(), {
    detail: [{ type: "int_parsing", loc: ["path", "item_id"], msg: "Input should be a valid integer, unable to parse string as an integer", input: "foo" }],
    body: null,
  });
});

test("options given at construction: exception handlers, middleware, routes, root path", async () => {
  const order: string[] = [];
  const app = new FastAPI({
    exceptionHandlers: [[418, () => new PlainTextResponse("short and stout", { statusCode: 418 })]],
    middleware: [new Middleware((inner: (s: never, r: never, t: never) => Promise<void>) => async (s: never, r: never, t: never) => (order.push("mw"), inner(s, r, t)))],
    routes: [new Route("/starlette", () => new PlainTextResponse("a Starlette route"))],
    rootPath: "/api",
  });
  app.get("/teapot", () => {
    throw new HTTPException(418);
  });
  app.get("/where", { params: { q: Query(z.string().optional()) } }, () => ({ ok: true }));
  const client = new TestClient(app);
  assert.is((await client.get("/teapot")).text, "short and stout");
  assert.is((await client.get("/starlette")).text, "a Starlette route");
  assert.equal(order, ["mw", "mw"]);
  // root_path is set on every request: URLs under it still match.
  assert.equal((await client.get("/api/where")).json(), { ok: true });
});

test("responseClass: HTMLResponse gets the returned text", async () => {
  const app = new FastAPI();
  app.get("/", { responseClass: HTMLResponse }, () => "<h1>hi</h1>");
  const r = await new TestClient(app).get("/");
  assert.is(r.text, "<h1>hi</h1>");
  assert.is(r.headers.get("content-type"), "text/html; charset=utf-8");
});

test("statusCode and a body-less status", async () => {
  const app = new FastAPI();
  app.post("/items/", { statusCode: 201 }, () => ({ created: true }));
  app.delete("/items/", { statusCode: 204 }, () => null);
  const client = new TestClient(app);
  const created = await client.post("/items/");
  assert.is(created.statusCode, 201);
  assert.equal(created.json(), { created: true });
  const deleted = await client.delete("/items/");
  assert.is(deleted.statusCode, 204);
  assert.is(deleted.text, "");
});

test("the core's registration forms: decorator, options then handler, handler alone", async () => {
  const app = new FastAPI();
  app.get("/a")(() => "a");
  app.get("/b", {}, () => "b");
  app.get("/c", () => "c");
  app.apiRoute("/d", { methods: ["GET", "POST"] })(() => "d");
  const client = new TestClient(app);
  for (const path of ["a", "b", "c", "d"]) assert.is((await client.get(`/${path}`)).json(), path);
  assert.is((await client.post("/d")).json(), "d");
});

test.run();
