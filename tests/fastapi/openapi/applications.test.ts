// Port of FastAPI's tests of applications.py's openapi() and setup() (tests/test_openapi_route_extensions.py,
// test_openapi_servers.py, test_root_path_in_servers..., test_tutorial/test_conditional_openapi,
// test_extending_openapi): the document built once and kept until the routes change, and the
// routes /openapi.json, /docs, /docs/oauth2-redirect and /redoc, each switched off by null.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as z from "zod";
import { APIRouter, FastAPI, Query } from "../../../src/fastapi/index.js";
import type { OpenAPI } from "../../../src/fastapi/openapi/models.js";
import { TestClient } from "../../../src/fastapi/testclient.js";
import { fastapiPages, haveFastAPI } from "./helpers.js";

const paths = (doc: OpenAPI): string[] => Object.keys(doc.paths ?? {}).sort();

test("test_openapi_schema_is_cached: the same document until a route is added, here or in an included router", () => {
  const app = new FastAPI();
  const router = new APIRouter();
  const nested = new APIRouter();
  router.includeRouter(nested, { prefix: "/nested" });
  app.includeRouter(router, { prefix: "/r" });
  app.get("/a", function a() {
    return 1;
  });
  const first = app.openapi();
  assert.is(app.openapi(), first, "cached");
  assert.is(app.openapiSchema, first);
  router.get("/b", function b() {
    return 2;
  });
  const second = app.openapi();
  assert.is.not(second, first, "rebuilt once the included router grew");
  assert.equal(paths(second), ["/a", "/r/b"]);
  nested.get("/c", function c() {
    return 3;
  });
  assert.equal(paths(app.openapi()), ["/a", "/r/b", "/r/nested/c"]);
  app.webhooks.post("ping", function ping() {
    return undefined;
  });
  assert.equal(Object.keys(app.openapi().webhooks ?? {}), ["ping"]);
  // A router included twice, or including itself through another, is counted once.
  const again = app.openapi();
  app.includeRouter(router, { prefix: "/again" });
  assert.is.not(app.openapi(), again);
});

test("openapi_schema set by hand is served, as FastAPI's extending-openapi recipe does it", async () => {
  const app = new FastAPI();
  const schema = app.openapi();
  app.openapiSchema = { ...schema, info: { ...schema.info, "x-logo": { url: "https://example.com/logo.png" } } };
  const response = await new TestClient(app).get("/openapi.json");
  assert.equal((response.json() as OpenAPI).info["x-logo"], { url: "https://example.com/logo.png" });
  // Replacing the method itself, the other way of the recipe.
  app.openapi = () => ({ openapi: "3.1.0", info: { title: "Custom", version: "1" }, paths: {} });
  assert.is(((await new TestClient(app).get("/openapi.json")).json() as OpenAPI).info.title, "Custom");
});

test("/openapi.json: served as JSON, the same bytes while the document is the same", async () => {
  const app = new FastAPI({ title: "Ünïcode API" });
  app.get("/items/", { params: { q: Query(z.string()) } }, function readItems({ q }) {
    return q;
  });
  const client = new TestClient(app);
  const first = await client.get("/openapi.json");
  assert.is(first.statusCode, 200);
  assert.is(first.headers.get("content-type"), "application/json");
  assert.equal(first.json(), app.openapi());
  const second = await client.get("/openapi.json");
  assert.is(second.text, first.text);
  app.get("/more/", function more() {
    return 1;
  });
  assert.ok(((await client.get("/openapi.json")).json() as OpenAPI).paths?.["/more/"], "a new route shows");
});

test("test_root_path_in_servers: the root path first among the servers, unless there or switched off", async () => {
  const app = new FastAPI({ rootPath: "/api/v1", servers: [{ url: "https://stag.example.com" }] });
  const doc = (await new TestClient(app).get("/openapi.json")).json() as OpenAPI;
  assert.equal(doc.servers, [{ url: "/api/v1" }, { url: "https://stag.example.com" }]);
  assert.equal(app.openapi().servers, [{ url: "https://stag.example.com" }], "app.openapi() itself has no root path");
  const there = new FastAPI({ rootPath: "/api/v1/", servers: [{ url: "/api/v1" }] });
  assert.equal(((await new TestClient(there).get("/openapi.json")).json() as OpenAPI).servers, [{ url: "/api/v1" }]);
  const off = new FastAPI({ rootPath: "/api/v1", rootPathInServers: false });
  assert.is(((await new TestClient(off).get("/openapi.json")).json() as OpenAPI).servers, undefined);
  const none = new FastAPI({ rootPath: "/api/v1" });
  assert.equal(((await new TestClient(none).get("/openapi.json")).json() as OpenAPI).servers, [{ url: "/api/v1" }]);
});

test("/docs, /docs/oauth2-redirect and /redoc: as FastAPI serves them, the root path before the URLs", async () => {
  const make = (): FastAPI =>
    new FastAPI({
      title: "Docs",
      rootPath: "/proxy",
      swaggerUiInitOauth: { clientId: "my-client", usePkceWithAuthorizationCodeGrant: true },
      swaggerUiParameters: { syntaxHighlight: false },
    });
  const client = new TestClient(make());
  const pages = Object.fromEntries(await Promise.all(["docs", "redoc", "docs/oauth2-redirect"].map(async (p) => [p, (await client.get("/" + p)).text])));
  assert.ok(pages.docs.includes("url: '/proxy/openapi.json',") && pages.docs.includes("window.location.origin + '/proxy/docs/oauth2-redirect'"));
  assert.ok(pages.redoc.includes('<redoc spec-url="/proxy/openapi.json"></redoc>'));
  if (!haveFastAPI()) return;
  const python = `
from fastapi import FastAPI
app = FastAPI(title="Docs", root_path="/proxy", swagger_ui_init_oauth={"clientId": "my-client", "usePkceWithAuthorizationCodeGrant": True}, swagger_ui_parameters={"syntaxHighlight": False})
`;
  const theirs = fastapiPages({ snippets: { docs: python } }).docs;
  for (const page of ["docs", "redoc", "docs/oauth2-redirect"] as const) assert.is(pages[page], theirs[page], page);
});

test("test_conditional_openapi: openapiUrl, docsUrl, redocUrl and swaggerUiOauth2RedirectUrl switched off by null", async () => {
  const status = async (app: FastAPI, path: string): Promise<number> => (await new TestClient(app).get(path)).statusCode;
  const noOpenapi = new FastAPI({ openapiUrl: null });
  for (const path of ["/openapi.json", "/docs", "/redoc", "/docs/oauth2-redirect"]) assert.is(await status(noOpenapi, path), 404, path);
  assert.ok(noOpenapi.openapi().paths, "the document is still made on demand");
  const custom = new FastAPI({ openapiUrl: "/api/schema.json", docsUrl: "/documentation", redocUrl: null, swaggerUiOauth2RedirectUrl: null });
  assert.is(await status(custom, "/api/schema.json"), 200);
  assert.is(await status(custom, "/documentation"), 200);
  assert.is(await status(custom, "/redoc"), 404);
  assert.is(await status(custom, "/docs/oauth2-redirect"), 404);
  assert.not.ok((await new TestClient(custom).get("/documentation")).text.includes("oauth2RedirectUrl"));
  const noDocs = new FastAPI({ docsUrl: null });
  assert.is(await status(noDocs, "/docs"), 404);
  assert.is(await status(noDocs, "/docs/oauth2-redirect"), 404, "the redirect page goes with /docs");
  assert.is(await status(noDocs, "/redoc"), 200);
  // The routes are FastAPI's setup(): left out of the document, named as FastAPI names them.
  const app = new FastAPI();
  assert.equal(paths(app.openapi()), []);
  assert.equal(
    app.router.routes.map((r) => (r as unknown as { name: string }).name),
    ["openapi", "swagger_ui_html", "swagger_ui_redirect", "redoc_html"],
  );
  assert.is(app.urlPathFor("swagger_ui_html"), "/docs");
});

test("a title and a version are needed for OpenAPI", () => {
  assert.throws(() => new FastAPI({ title: "" }), /A title must be provided for OpenAPI, e.g.: 'My API'/);
  assert.throws(() => new FastAPI({ version: "" }), /A version must be provided for OpenAPI, e.g.: '2.1.0'/);
  assert.not.throws(() => new FastAPI({ title: "", version: "", openapiUrl: null }));
});

test("options: the attributes FastAPI keeps", () => {
  const webhooks = new APIRouter();
  const app = new FastAPI({ webhooks, openapiVersion: "3.1.1", separateInputOutputSchemas: false, termsOfService: "http://t" });
  assert.is(app.webhooks, webhooks);
  assert.is(app.openapiVersion, "3.1.1");
  assert.is(app.openapi().openapi, "3.1.1");
  assert.is(app.separateInputOutputSchemas, false);
  assert.equal(app.servers, []);
  assert.is(app.openapi().info.termsOfService, "http://t");
  const defaults = new FastAPI();
  assert.equal(
    [defaults.openapiUrl, defaults.docsUrl, defaults.redocUrl, defaults.swaggerUiOauth2RedirectUrl, defaults.rootPathInServers, defaults.separateInputOutputSchemas],
    ["/openapi.json", "/docs", "/redoc", "/docs/oauth2-redirect", true, true],
  );
  assert.equal(
    [defaults.openapiTags, defaults.swaggerUiInitOauth, defaults.swaggerUiParameters, defaults.termsOfService, defaults.contact, defaults.licenseInfo, defaults.openapiExternalDocs],
    [null, null, null, null, null, null, null],
  );
});

test.run();
