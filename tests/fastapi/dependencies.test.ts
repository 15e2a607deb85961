// Port of FastAPI's tests on dependencies: test_dependency_cache.py, test_dependency_overrides.py,
// test_dependency_contextmanager.py, test_dependency_yield_scope.py, test_dependency_class.py,
// test_security_scopes.py (the parts that need no security scheme).
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as z from "zod";
import { TestClient } from "../../src/testclient.js";
import type { Message, Receive, Scope, Send } from "../../src/types.js";
import {
  APIRouter,
  BackgroundTasks,
  Depends,
  DependencyScopeError,
  FastAPI,
  HTTPConnection,
  HTTPException,
  Query,
  Request,
  Response,
  Security,
  SecurityScopes,
} from "../../src/fastapi/index.js";
import { rejects, thrown } from "../helpers.js";
import { PYTHON, requirePython } from "../python.js";

test("test_sub_dependencies_with_params_and_errors_in_order", async () => {
  const app = new FastAPI();
  function commonParameters({ q, skip, limit }: { q: string | null; skip: number; limit: number }) {
    return { q, skip, limit };
  }
  const commons = Depends(commonParameters, {
    params: { q: Query(z.string().nullable().default(null)), skip: Query(z.int().default(0)), limit: Query(z.int().default(100)) },
  });
  app.get("/users/", { params: { commons, extra: Query(z.int()) } }, ({ commons, extra }) => ({ ...commons, extra }));
  const client = new TestClient(app);
  assert.equal((await client.get("/users/?q=foo&skip=5&limit=30&extra=1")).json(), { q: "foo", skip: 5, limit: 30, extra: 1 });
  const bad = await client.get("/users/?skip=x&extra=y");
  assert.is(bad.statusCode, 422);
  // The dependency's errors first, then the path operation's own.
  assert.equal(
    bad.json<{ detail: Array<{ loc: unknown[] }> }>().detail.map((e) => e.loc),
    [
      ["query", "skip"],
      ["query", "extra"],
    ],
  );
});

test("test_dependency_cache: one call per request unless useCache is false", async () => {
  const app = new FastAPI();
  let counter = 0;
  const count = () => ++counter;
  const cached = Depends(count);
  const fresh = Depends(count, { useCache: false });
  const sub = Depends(({ n }: { n: number }) => n, { params: { n: cached } });
  app.get("/cached", { params: { a: cached, b: sub } }, ({ a, b }) => [a, b]);
  app.get("/fresh", { params: { a: cached, b: fresh } }, ({ a, b }) => [a, b]);
  const client = new TestClient(app);
  assert.equal((await client.get("/cached")).json(), [1, 1]);
  assert.equal((await client.get("/fresh")).json(), [2, 3]);
});

test("test_dependency_class: a class is constructed with its params", async () => {
  class CommonQueryParams {
    q: string | null;
    skip: number;
    constructor({ q, skip }: { q: string | null; skip: number }) {
      this.q = q;
      this.skip = skip;
    }
  }
  const app = new FastAPI();
  app.get("/items/", { params: { commons: Depends(CommonQueryParams, { params: { q: Query(z.string().nullable().default(null)), skip: Query(z.int().default(0)) } }) } }, ({ commons }) => ({
    kind: commons.constructor.name,
    q: commons.q,
    skip: commons.skip,
  }));
  assert.equal((await new TestClient(app).get("/items/?q=a&skip=2")).json(), { kind: "CommonQueryParams", q: "a", skip: 2 });
});

test("path operation, router and app dependencies all run, in that order, values unused", async () => {
  const log: string[] = [];
  const mark = (name: string) => () => void log.push(name);
  const app = new FastAPI({ dependencies: [Depends(mark("app"))] });
  const router = new APIRouter({ dependencies: [Depends(mark("router"))] });
  router.get("/x", { dependencies: [Depends(mark("operation"))] }, () => log);
  app.includeRouter(router, { dependencies: [Depends(mark("include"))] });
  assert.equal((await new TestClient(app).get("/x")).json(), ["app", "include", "router", "operation"]);
});

test("a dependency that raises HTTPException stops the request", async () => {
  const app = new FastAPI();
  const verifyToken = ({ token }: { token: string }) => {
    if (token !== "fake-super-secret-token") throw new HTTPException(400, "X-Token header invalid");
  };
  app.get("/items/", { dependencies: [Depends(verifyToken, { params: { token: Query(z.string()) } })] }, () => [{ item: "Foo" }]);
  const client = new TestClient(app);
  assert.equal((await client.get("/items/?token=nope")).json(), { detail: "X-Token header invalid" });
  assert.equal((await client.get("/items/?token=fake-super-secret-token")).json(), [{ item: "Foo" }]);
  assert.equal((await client.get("/items/")).json<{ detail: Array<{ type: string }> }>().detail[0].type, "missing");
});

// An app that records when the response body left, to place the dependencies' exits.
function recording(app: FastAPI, log: string[]) {
  return async (scope: Scope, receive: Receive, send: Send) => {
    await app.call(scope, receive, async (message: Message) => {
      if (message.type === "http.response.body" && !message.more_body) log.push("response sent");
      await send(message);
    });
  };
}

test("test_dependency_yield_scope: request scope exits after the response, function scope before it", async () => {
  const log: string[] = [];
  async function* requestScoped() {
    log.push("request: setup");
    yield "r";
    log.push("request: exit");
  }
  async function* functionScoped() {
    log.push("function: setup");
    yield "f";
    log.push("function: exit");
  }
  const app = new FastAPI();
  app.get("/", { params: { r: Depends(requestScoped), f: Depends(functionScoped, { scope: "function" }) } }, ({ r, f }) => {
    log.push("handler");
    return [r, f];
  });
  const response = await new TestClient(recording(app, log)).get("/");
  assert.equal(response.json(), ["r", "f"]);
  assert.equal(log, ["request: setup", "function: setup", "handler", "function: exit", "response sent", "request: exit"]);
});

test("test_dependency_contextmanager: the handler's error is thrown into the dependency", async () => {
  const seen: string[] = [];
  function* getDb() {
    try {
      yield "db";
    } catch (exc) {
      seen.push(`caught ${(exc as Error).message}`);
      throw exc;
    } finally {
      seen.push("closed");
    }
  }
  const app = new FastAPI();
  app.get("/items/{item_id}", { params: { db: Depends(getDb) } }, () => {
    throw new HTTPException(404, "Item not found");
  });
  const r = await new TestClient(app).get("/items/1");
  assert.is(r.statusCode, 404);
  assert.equal(seen, ["caught Item not found", "closed"]);
});

test("a dependency that swallows the handler's error: a 500, as FastAPI's 'Response not awaited'", async () => {
  async function* swallow() {
    try {
      yield 1;
    } catch {
      // no re-raise
    }
  }
  const app = new FastAPI();
  app.get("/", { params: { s: Depends(swallow) } }, () => {
    throw new Error("boom");
  });
  const client = new TestClient(app, { raiseServerExceptions: false });
  const r = await client.get("/");
  assert.is(r.statusCode, 500);
  const error = await new TestClient(app).get("/").then(
    () => null,
    (e: Error) => e,
  );
  assert.match(String(error?.message), /Response not awaited/);
});

test("a function-scoped dependency that swallows the handler's error: a 500 before any response", async () => {
  function* swallow() {
    try {
      yield 1;
    } catch {
      // no re-raise
    }
  }
  const app = new FastAPI();
  app.get("/", { params: { s: Depends(swallow, { scope: "function" }) } }, () => {
    throw new Error("boom");
  });
  assert.is((await new TestClient(app, { raiseServerExceptions: false }).get("/")).statusCode, 500);
  assert.match((await rejects(new TestClient(app).get("/"))).message, /^Response not awaited/);
});

test("a generator dependency that breaks the protocol fails with contextlib's messages", async () => {
  const app = new FastAPI();
  app.get("/no-yield", { params: { d: Depends(function* noYield() {}) } }, () => 1);
  app.get("/no-yield-async", { params: { d: Depends(async function* noYieldAsync() {}) } }, () => 1);
  app.get("/two", { params: { d: Depends(function* twice() { yield 1; yield 2; }) } }, () => 1);
  const keepGoing = function* keepGoing() {
    for (;;) {
      try {
        yield 1;
      } catch {
        // and yield again
      }
    }
  };
  app.get("/after-throw", { params: { d: Depends(keepGoing) } }, () => {
    throw new Error("boom");
  });
  app.get("/after-athrow", { params: { d: Depends(async function* () { yield* keepGoing(); }) } }, () => {
    throw new Error("boom");
  });
  const client = new TestClient(app);
  const messages = [];
  for (const path of ["/no-yield", "/no-yield-async", "/two", "/after-throw", "/after-athrow"]) messages.push((await rejects(client.get(path))).message);
  const expected = ["generator didn't yield", "generator didn't yield", "generator didn't stop", "generator didn't stop after throw()", "generator didn't stop after athrow()"];
  if (requirePython("fastapi")) {
    // contextlib's own texts, read from the Python that FastAPI runs on.
    const source = readFileSync(spawnSync(PYTHON, ["-c", "import contextlib; print(contextlib.__file__)"], { encoding: "utf8" }).stdout.trim(), "utf8");
    for (const text of expected) assert.ok(source.includes(`RuntimeError("${text}")`), text);
  }
  assert.equal(messages, expected);
});

test("an error raised in a dependency's exit replaces the one it was given", async () => {
  async function* replace() {
    try {
      yield 1;
    } catch {
      throw new HTTPException(409, "replaced");
    }
  }
  const app = new FastAPI();
  app.get("/", { params: { s: Depends(replace, { scope: "function" }) } }, () => {
    throw new Error("original");
  });
  const r = await new TestClient(app).get("/");
  assert.is(r.statusCode, 409);
  assert.equal(r.json(), { detail: "replaced" });
});

test("test_dependency_scope_error: a request-scoped generator cannot depend on a function-scoped one", () => {
  async function* inner() {
    yield 1;
  }
  async function* outer() {
    yield 2;
  }
  const app = new FastAPI();
  const error = thrown(() => app.get("/", { params: { o: Depends(outer, { params: { i: Depends(inner, { scope: "function" }) } }) } }, () => null));
  assert.instance(error, DependencyScopeError);
  assert.is(error.message, 'The dependency "outer" has a scope of "request", it cannot depend on dependencies with scope "function".');
});

test("test_dependency_overrides: by function, with and without params, and cleared", async () => {
  const app = new FastAPI();
  function commonParameters({ q }: { q: string | null }) {
    return { q, source: "real" };
  }
  app.get("/users/", { params: { commons: Depends(commonParameters, { params: { q: Query(z.string().nullable().default(null)) } }) } }, ({ commons }) => commons);
  const client = new TestClient(app);
  assert.equal((await client.get("/users/?q=a")).json(), { q: "a", source: "real" });
  app.dependencyOverrides.set(commonParameters, () => ({ q: null, source: "override" }));
  assert.equal((await client.get("/users/?q=a")).json(), { q: null, source: "override" });
  app.dependencyOverrides.set(commonParameters, Depends(({ k }: { k: number }) => ({ k }), { params: { k: Query(z.int()) } }));
  assert.equal((await client.get("/users/?k=3")).json(), { k: 3 });
  assert.equal((await client.get("/users/")).json<{ detail: Array<{ loc: unknown[] }> }>().detail[0].loc, ["query", "k"]);
  app.dependencyOverrides.clear();
  assert.equal((await client.get("/users/")).json(), { q: null, source: "real" });
});

test("HTTPConnection is injected as the request", async () => {
  const app = new FastAPI();
  app.get("/conn", { params: { conn: HTTPConnection } }, ({ conn }) => ({ path: conn.url.path, same: conn instanceof Request }));
  assert.equal((await new TestClient(app).get("/conn")).json(), { path: "/conn", same: true });
});

test("Request, Response, BackgroundTasks and SecurityScopes are injected", async () => {
  const done: string[] = [];
  const app = new FastAPI();
  const scoped = Security(({ scopes }: { scopes: SecurityScopes }) => scopes.scopeStr, { scopes: ["items"], params: { scopes: SecurityScopes } });
  app.get(
    "/",
    { params: { request: Request, response: Response, tasks: BackgroundTasks, scopes: Security(({ s }: { s: string }) => s, { scopes: ["me"], params: { s: scoped } }) } },
    ({ request, response, tasks, scopes }) => {
      response.headers.set("x-extra", "1");
      response.setCookie("c", "v");
      response.statusCode = 202;
      tasks.addTask((name: string) => done.push(name), "task ran");
      return { path: request.url.path, scopes };
    },
  );
  const r = await new TestClient(app).get("/");
  assert.is(r.statusCode, 202);
  assert.equal(r.json(), { path: "/", scopes: "me items" });
  assert.is(r.headers.get("x-extra"), "1");
  assert.match(r.headers.get("set-cookie") ?? "", /^c=v; Path=\/; SameSite=lax$/);
  assert.equal(done, ["task ran"]);
});

test("Security without scopes, and SecurityScopes made by hand", async () => {
  const app = new FastAPI();
  app.get("/", { params: { s: Security(() => "ok"), none: Depends(({ scopes }: { scopes: SecurityScopes }) => scopes.scopes, { params: { scopes: SecurityScopes } }) } }, ({ s, none }) => ({ s, none }));
  assert.equal((await new TestClient(app).get("/")).json(), { s: "ok", none: [] });
  const empty = new SecurityScopes();
  assert.equal([empty.scopes, empty.scopeStr], [[], ""]);
});

test("advanced dependencies: an object with call() and its own params (FastAPI's callable instances)", async () => {
  class FixedContentQueryChecker {
    readonly params = { q: Query(z.string().default("")) };
    constructor(readonly fixedContent: string) {}
    call({ q }: { q: string }): boolean {
      return q.includes(this.fixedContent);
    }
  }
  const checker = new FixedContentQueryChecker("bar");
  const app = new FastAPI();
  app.get("/query-checker/", { params: { fixed_content_included: Depends(checker) } }, ({ fixed_content_included }) => ({ fixed_content_in_query: fixed_content_included }));
  const client = new TestClient(app);
  assert.equal((await client.get("/query-checker/?q=foobar")).json(), { fixed_content_in_query: true });
  assert.equal((await client.get("/query-checker/?q=foo")).json(), { fixed_content_in_query: false });
  assert.equal((await client.get("/query-checker/")).json(), { fixed_content_in_query: false });
  // The object is the key for overrides, as the instance is in FastAPI.
  app.dependencyOverrides.set(checker, () => "overridden");
  assert.equal((await client.get("/query-checker/?q=foobar")).json(), { fixed_content_in_query: "overridden" });
  // An object without params, and a generator method.
  const plain = { call: () => 1 };
  const opened = {
    async *call() {
      yield "resource";
    },
  };
  app.get("/plain", { params: { one: Depends(plain), res: Depends(opened) } }, ({ one, res }) => [one, res]);
  assert.equal((await client.get("/plain")).json(), [1, "resource"]);
});

test("a bad params entry is a TypeError at registration that names it", () => {
  const app = new FastAPI();
  const error = thrown(() => app.get("/", { params: { q: z.string() as never } }, () => null));
  assert.instance(error, TypeError);
  assert.match(error.message, /^params\.q must be a declaration/);
});

test.run();
