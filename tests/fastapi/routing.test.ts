// Port of FastAPI's tests on routers: test_router_prefix_with_template.py, test_include_route.py,
// test_empty_router.py, test_router_redirect_slashes.py, test_sub_callbacks' routing parts, and
// the live inclusion of FastAPI 0.142 (routes added after include_router are served).
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as z from "zod";
import { PlainTextResponse } from "../../src/responses.js";
import { BaseRoute, Match, Mount, Route } from "../../src/routing.js";
import { TestClient } from "../../src/testclient.js";
import type { Receive, Scope, Send } from "../../src/types.js";
import { APIRoute, APIRouter, Depends, FastAPI, HTMLResponse, Header, HTTPException, Path } from "../../src/fastapi/index.js";
import { thrown } from "../helpers.js";

test("bigger applications: prefix, tags, dependencies and responses from the include", async () => {
  const app = new FastAPI();
  const getTokenHeader = ({ x_token }: { x_token: string }) => {
    if (x_token !== "fake-super-secret-token") throw new HTTPException(400, "X-Token header invalid");
  };
  const items = new APIRouter({ prefix: "/items", tags: ["items"], dependencies: [Depends(getTokenHeader, { params: { x_token: Header(z.string()) } })], responses: { 404: { description: "Not found" } } });
  items.get("/", () => ({ plumbus: { name: "Plumbus" } }));
  items.get("/{item_id}", { params: { item_id: Path(z.string()) }, tags: ["custom"] }, ({ item_id }) => ({ item_id }));
  app.includeRouter(items);
  const admin = new APIRouter();
  admin.post("/", () => ({ message: "Admin getting schwifty" }));
  app.includeRouter(admin, { prefix: "/admin", tags: ["admin"], responses: { 418: { description: "I'm a teapot" } } });
  const client = new TestClient(app);
  const headers = { "X-Token": "fake-super-secret-token" };
  assert.equal((await client.get("/items/", { headers })).json(), { plumbus: { name: "Plumbus" } });
  assert.equal((await client.get("/items/gun", { headers })).json(), { item_id: "gun" });
  assert.equal((await client.get("/items/gun", { headers: { "X-Token": "no" } })).json(), { detail: "X-Token header invalid" });
  assert.equal((await client.post("/admin/")).json(), { message: "Admin getting schwifty" });
  const served = app.routes.flatMap((r) => ("routes" in r && !(r instanceof Mount) ? (r as unknown as { routes: unknown[] }).routes : [r])) as APIRoute[];
  const byPath = new Map(served.filter((r) => r instanceof APIRoute).map((r) => [r.path, r]));
  assert.equal(byPath.get("/items/{item_id}")?.tags, ["items", "custom"]);
  assert.equal(Object.keys(byPath.get("/items/")?.responses ?? {}), ["404"]);
  assert.equal(byPath.get("/admin/")?.tags, ["admin"]);
  assert.equal(Object.keys(byPath.get("/admin/")?.responses ?? {}), ["418"]);
});

test("FastAPI 0.142: routes added to a router after it was included are served", async () => {
  const app = new FastAPI();
  const router = new APIRouter({ prefix: "/r" });
  app.includeRouter(router);
  router.get("/late", () => "late");
  const nested = new APIRouter();
  nested.get("/deep", () => "deep");
  router.includeRouter(nested, { prefix: "/n" });
  const client = new TestClient(app);
  assert.is((await client.get("/r/late")).json(), "late");
  assert.is((await client.get("/r/n/deep")).json(), "deep");
  nested.get("/deeper", () => "deeper");
  assert.is((await client.get("/r/n/deeper")).json(), "deeper");
});

test("Starlette routes and mounts inside an included router are served under the prefix", async () => {
  const app = new FastAPI();
  const router = new APIRouter({ routes: [new Route("/plain", () => new PlainTextResponse("plain")), new Mount("/sub", { routes: [new Route("/x", () => new PlainTextResponse("mounted"))] })] });
  app.includeRouter(router, { prefix: "/p" });
  const client = new TestClient(app);
  assert.is((await client.get("/p/plain")).text, "plain");
  assert.is((await client.get("/p/sub/x")).text, "mounted");
});

test("a method that an included route lacks gives 405 with Allow, JSON", async () => {
  const app = new FastAPI();
  const router = new APIRouter();
  router.get("/only-get", () => 1);
  app.includeRouter(router, { prefix: "/r" });
  const r = await new TestClient(app).post("/r/only-get");
  assert.is(r.statusCode, 405);
  assert.equal(r.json(), { detail: "Method Not Allowed" });
  assert.is(r.headers.get("allow"), "GET");
});

test("trailing-slash redirects reach path operations, as FastAPI's", async () => {
  const app = new FastAPI();
  app.get("/items/", () => "items");
  const r = await new TestClient(app).get("/items", { followRedirects: false });
  assert.is(r.statusCode, 307);
  assert.is(r.headers.get("location"), "http://testserver/items/");
  assert.is((await new TestClient(app).get("/items")).json(), "items");
});

test("a router's default response class, and the route's own wins", async () => {
  const app = new FastAPI();
  const router = new APIRouter({ defaultResponseClass: HTMLResponse });
  router.get("/html", () => "<p>x</p>");
  router.get("/json", { responseClass: PlainTextResponse }, () => "t");
  app.includeRouter(router);
  const client = new TestClient(app);
  assert.is((await client.get("/html")).headers.get("content-type"), "text/html; charset=utf-8");
  assert.is((await client.get("/json")).headers.get("content-type"), "text/plain; charset=utf-8");
});

test("urlPathFor finds included routes by name", () => {
  const app = new FastAPI();
  const router = new APIRouter({ prefix: "/users" });
  router.get("/{user_id}", { params: { user_id: Path(z.int()) } }, function readUser({ user_id }) {
    return user_id;
  });
  app.includeRouter(router);
  assert.is(app.urlPathFor("readUser", { user_id: 3 }), "/users/3");
});

test("include_router's checks, with FastAPI's messages", () => {
  const a = new APIRouter();
  const b = new APIRouter();
  assert.is(thrown(() => a.includeRouter(a)).message, "Cannot include the same APIRouter instance into itself. Did you mean to include a different router?");
  a.includeRouter(b);
  assert.is(thrown(() => b.includeRouter(a)).message, "Cannot include an APIRouter instance that already includes this router. Did you mean to include a different router?");
  assert.is(thrown(() => a.includeRouter(new APIRouter(), { prefix: "x" })).message, "A path prefix must start with '/'");
  assert.is(thrown(() => a.includeRouter(new APIRouter(), { prefix: "/x/" })).message, "A path prefix must not end with '/', as the routes will start with '/'");
  const empty = new APIRouter({ routes: [new Mount("", { routes: [], name: "root" })] });
  assert.is(thrown(() => a.includeRouter(empty)).message, "Prefix and path cannot be both empty (path operation: root)");
  const prefixed = new APIRouter({ prefix: "/e" });
  prefixed.get("", () => 1);
  a.includeRouter(prefixed);
});

test("an APIRoute made directly answers GET only, and an include adds its prefix and settings to it", async () => {
  const route = new APIRoute("/direct", function direct() {
    return "d";
  });
  assert.equal([...(route.methods ?? [])], ["GET"]);
  assert.equal([route.tags, route.dependencies], [[], []]);
  const router = new APIRouter();
  router.routes.push(route);
  const app = new FastAPI();
  app.includeRouter(router, { prefix: "/p", tags: ["t"], includeInSchema: false });
  const client = new TestClient(app);
  assert.is((await client.get("/p/direct")).text, '"d"');
  assert.is((await client.head("/p/direct")).statusCode, 405);
  const included = (app.router.routes.at(-1) as unknown as { routes: APIRoute[] }).routes[0];
  assert.equal([included.tags, included.includeInSchema], [["t"], false]);
  assert.is(thrown(() => new APIRoute("/x", { call: () => undefined } as never)).message, "An endpoint must be a callable");
});

/** A route of its own kind: matches one path, answers "custom", and cannot build a URL. */
class Custom extends BaseRoute {
  matches(scope: Scope): [Match, Partial<Scope>] {
    return scope.path === "/custom" ? [Match.FULL, {}] : [Match.NONE, {}];
  }
  urlPathFor(): string {
    throw new TypeError("no URL for a custom route");
  }
  handle(scope: Scope, receive: Receive, send: Send): Promise<void> {
    return new PlainTextResponse("custom").call(scope, receive, send);
  }
}

test("an included router's ASGI-app routes (any method) and routes of other kinds are served as they are", async () => {
  class Raw {
    call(scope: Scope, receive: Receive, send: Send): Promise<void> {
      return new PlainTextResponse("raw").call(scope, receive, send);
    }
  }
  const router = new APIRouter({ routes: [new Route("/raw", new Raw()), new Custom()] });
  const app = new FastAPI();
  app.includeRouter(router, { prefix: "/r" });
  const client = new TestClient(app);
  assert.is((await client.delete("/r/raw")).text, "raw");
  assert.is((await client.get("/custom")).text, "custom");
});

test("urlPathFor through an include: NoMatchFound for an unknown name, other errors as they are", () => {
  const router = new APIRouter();
  router.get("/users/{user_id}", { params: { user_id: Path(z.int()) } }, function readUser({ user_id }) {
    return user_id;
  });
  const app = new FastAPI();
  app.includeRouter(router);
  assert.is(thrown(() => app.urlPathFor("nobody")).name, "NoMatchFound");
  router.routes.unshift(new Custom());
  assert.is(thrown(() => app.urlPathFor("readUser", { user_id: 1 })).message, "no URL for a custom route");
});

test("include_router's checks look inside included routers, as FastAPI's _iter_routes_with_context", () => {
  const [a, b, c] = [new APIRouter(), new APIRouter(), new APIRouter()];
  a.includeRouter(b);
  b.includeRouter(c);
  assert.is(thrown(() => c.includeRouter(a)).message, "Cannot include an APIRouter instance that already includes this router. Did you mean to include a different router?");
  // Added after b was included: found when a is included in turn. Python prints None for no name.
  c.routes.push(new Mount("", { routes: [] }));
  const error = thrown(() => new FastAPI().includeRouter(a));
  assert.equal([error.name, error.message], ["FastAPIError", "Prefix and path cannot be both empty (path operation: None)"]);
  class Nameless extends Route {}
  const nameless = new Nameless("/n", () => new PlainTextResponse("n"));
  Object.defineProperty(nameless, "path", { value: "" });
  Object.defineProperty(nameless, "name", { value: undefined });
  assert.is(thrown(() => new FastAPI().includeRouter(new APIRouter({ routes: [nameless] }))).message, "Prefix and path cannot be both empty (path operation: unknown)");
});

test.run();
