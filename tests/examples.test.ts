// No Python counterpart: every file under examples/ runs here (the session and
// ordering examples also run in seed.test.ts against the FastAPI recording).
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { TestClient } from "../src/testclient.js";
import { app as hello } from "../examples/hello.js";
import { app as httpMiddleware } from "../examples/http_middleware.js";
import { app as responseBody, logged as bodyLog } from "../examples/response_body.js";
import { app as login } from "../examples/login.js";
import { app as main } from "../examples/main.js";
import { app as correct } from "../examples/middleware_order_correct.js";
import { app as incorrect } from "../examples/middleware_order_incorrect.js";
import { order } from "../examples/middleware_stack.js";
import { app as pure } from "../examples/pure_middleware.js";
import * as signing from "../examples/itsdangerous_signing.js";
import { app as firstSteps } from "../examples/first_steps.js";
import { app as pathParams } from "../examples/path_params.js";
import { app as customConvertor } from "../examples/custom_convertor.js";
import { app as queryParams } from "../examples/query_params.js";
import { app as requestBody } from "../examples/request_body.js";
import { app as responses } from "../examples/responses.js";
import { app as headersCookies } from "../examples/headers_cookies.js";
import { app as handlingErrors } from "../examples/handling_errors.js";
import { app as lifespanApp, events as lifespanEvents } from "../examples/lifespan.js";
import { start } from "../examples/serving.js";
import * as testing from "../examples/testing.js";
import * as orderingBug from "../examples/test_ordering_bug.js";
import { createApp as secretApp, generateSecret, secretKeys } from "../examples/secret_key.js";
import { decodeSessionCookie } from "../examples/decode_cookie.js";
import { requirePython, runPython } from "./python.js";

const root = fileURLToPath(new URL("..", import.meta.url));

test("hello.ts", async () => {
  assert.equal((await new TestClient(hello).get("/")).json(), { Hello: "World" });
});

test("http_middleware.ts: X-Process-Time", async () => {
  const response = await new TestClient(httpMiddleware).get("/");
  assert.equal(response.json(), { message: "Hello" });
  assert.ok(Number(response.headers.get("x-process-time")) >= 0);
});

test("response_body.ts: the wrapper sees every byte and the client gets them unchanged", async () => {
  const response = await new TestClient(responseBody).get("/");
  assert.equal(response.json(), { message: "Hello" });
  assert.equal(bodyLog, ["GET /: 19 bytes"]);
});

test("pure_middleware.ts: the class and the factory both add their header", async () => {
  const response = await new TestClient(pure).get("/");
  assert.is(response.headers.get("x-class"), "yes");
  assert.is(response.headers.get("x-factory"), "yes");
});

test("middleware_stack.ts prints the order it documents", () => {
  assert.equal(order, ["ServerErrorMiddleware", "BaseHTTPMiddleware(timing)", "SessionMiddleware", "AddHeaderMiddleware", "ExceptionMiddleware", "Router"]);
});

test("itsdangerous_signing.ts gives the values its comments promise", () => {
  assert.is(signing.signed, "my string.wh6tMHxLgJqB6oY1uT73iMlyrOA");
  assert.is(signing.value, "my string");
  assert.ok(signing.stillValid);
  assert.is(signing.fresh, "hello");
  assert.is(signing.expiredMessage, "Signature age 120 > 60 seconds");
  assert.equal(signing.loaded, { user_id: 42 });
});

test("login.ts: log in, the session holds the user, log out clears it", async () => {
  const client = new TestClient(login);
  assert.match((await client.get("/")).text, /<form method="post" action="\/login">/);
  const loggedIn = await client.post("/login", { data: { username: "ann" } });
  assert.match(loggedIn.text, /Hello, <b id="user">ann<\/b>/);
  assert.match((await client.get("/")).text, /ann/);
  const loggedOut = await client.post("/logout");
  assert.match(loggedOut.text, /action="\/login"/);
  assert.is(client.cookies.get("session"), null);
});

test("main.ts: first steps, errors, the session counter, logout", async () => {
  const client = new TestClient(main);
  assert.equal((await client.get("/")).json(), { Hello: "World" });
  assert.equal((await client.get("/items/5", { params: { q: "x" } })).json(), { item_id: 5, q: "x" });
  const missing = await client.get("/items/0");
  assert.is(missing.statusCode, 404);
  assert.is(missing.text, "Item not found");
  assert.equal((await client.get("/counter")).json(), { count: 1 });
  const second = await client.get("/counter");
  assert.equal(second.json(), { count: 2 });
  assert.ok(second.headers.has("x-process-time"));
  await client.post("/logout");
  assert.equal((await client.get("/counter")).json(), { count: 1 });
});

test("npm start's file serves over HTTP and stops cleanly on SIGTERM", async () => {
  const child = spawn(process.execPath, ["--conditions=source", "--import", "tsx", "examples/main.ts"], { cwd: root, env: { ...process.env, PORT: "0" } });
  let log = "";
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.on("data", (d: Buffer) => {
      log += d.toString();
      const m = /running on (http:\/\/127\.0\.0\.1:\d+)/.exec(log);
      if (m) resolve(m[1]);
    });
    child.on("exit", () => reject(new Error(`exited early:\n${log}`)));
    setTimeout(() => reject(new Error(`no start within 20 s:\n${log}`)), 20_000).unref();
  });
  const response = await fetch(`${url}/`);
  assert.equal(await response.json(), { Hello: "World" });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  child.kill("SIGTERM");
  assert.is(await exited, 0);
  assert.match(log, /INFO: {5}Application shutdown complete\./);
});

test("first_steps.ts", async () => {
  const response = await new TestClient(firstSteps).get("/");
  assert.equal(response.json(), { message: "Hello World" });
  assert.is((await new TestClient(firstSteps).post("/")).statusCode, 405);
});

test("path_params.ts: every convertor, route order, urlPathFor", async () => {
  const client = new TestClient(pathParams);
  assert.equal((await client.get("/items/3")).json(), { item_id: 3 });
  assert.is((await client.get("/items/foo")).statusCode, 404);
  assert.equal((await client.get("/users/me")).json(), { user_id: "the current user" });
  assert.equal((await client.get("/users/ann")).json(), { user_id: "ann" });
  assert.equal((await client.get("/files/home/johndoe/myfile.txt")).json(), { file_path: "home/johndoe/myfile.txt" });
  assert.equal((await client.get("/prices/9.5")).json(), { amount: 9.5 });
  assert.equal((await client.get("/orders/EC38DF32-CEDA-4CFA-9B4A-1AEB94AD551A")).json(), { order_id: "ec38df32-ceda-4cfa-9b4a-1aeb94ad551a" });
  assert.equal((await client.get("/named/hello")).json(), { url: "/named/hello" });
});

test("custom_convertor.ts: the date convertor matches, converts and formats", async () => {
  const client = new TestClient(customConvertor);
  assert.equal((await client.get("/reports/2024-05-01")).json(), { weekday: 3, next: "/reports/2024-05-02" });
  assert.equal((await client.get("/reports/2024-12-31")).json(), { weekday: 2, next: "/reports/2025-01-01" });
  assert.is((await client.get("/reports/2024-5-1")).statusCode, 404);
});

test("query_params.ts", async () => {
  const client = new TestClient(queryParams);
  assert.equal((await client.get("/items/?skip=1&limit=1")).json(), [{ item_name: "Bar" }]);
  assert.equal((await client.get("/items/")).json(), [{ item_name: "Foo" }, { item_name: "Bar" }, { item_name: "Baz" }]);
  assert.equal((await client.get("/items/foo?q=x&short=yes")).json(), { item_id: "foo", q: "x" });
  assert.equal((await client.get("/items/foo")).json(), { item_id: "foo", description: "This is an amazing item that has a long description" });
  assert.equal((await client.get("/tags?tag=a&tag=b")).json(), { tags: ["a", "b"] });
});

test("request_body.ts: 201 with the computed field, 422 for a bad body", async () => {
  const client = new TestClient(requestBody);
  const created = await client.post("/items/", { json: { name: "Foo", price: 10, tax: 1.5 } });
  assert.is(created.statusCode, 201);
  assert.equal(created.json(), { name: "Foo", price: 10, tax: 1.5, price_with_tax: 11.5 });
  const bad = await client.post("/items/", { json: { name: "Foo" } });
  assert.is(bad.statusCode, 422);
});

test("responses.ts: each response class", async () => {
  const client = new TestClient(responses);
  assert.is((await client.post("/items/")).statusCode, 201);
  assert.is((await client.get("/html")).headers.get("content-type"), "text/html; charset=utf-8");
  assert.is((await client.get("/text")).text, "Hello");
  assert.is((await client.get("/xml")).headers.get("content-type"), "application/xml");
  const redirected = await client.get("/old-path");
  assert.is(redirected.text, "<h1>Hello</h1>");
  assert.is((await client.get("/old-path", { followRedirects: false })).statusCode, 307);
  assert.is((await client.delete("/items/1")).statusCode, 204);
  assert.is((await client.get("/stream")).text, "line 1\nline 2\nline 3\n");
  const source = await client.get("/source");
  assert.match(source.text, /Response types and status codes/);
  assert.is(source.headers.get("content-disposition"), 'attachment; filename="responses.ts"');
});

test("headers_cookies.ts", async () => {
  const client = new TestClient(headersCookies);
  assert.equal((await client.get("/agent", { headers: [["x-token", "a"], ["x-token", "b"]] })).json(), { user_agent: "testclient", x_token: ["a", "b"] });
  assert.equal((await client.get("/cookie", { cookies: { ads_id: "123" } })).json(), { ads_id: "123" });
  const set = await client.get("/set");
  assert.is(set.headers.get("x-cat-dog"), "alone in the world");
  assert.is(set.headers.get("set-cookie"), "fakesession=fake-cookie-session-value; HttpOnly; Max-Age=3600; Path=/; SameSite=lax");
  assert.is(client.cookies.get("fakesession"), "fake-cookie-session-value");
  await client.get("/forget");
  assert.is(client.cookies.get("fakesession"), null);
});

test("handling_errors.ts: FastAPI's JSON detail, custom headers, a custom error class", async () => {
  const client = new TestClient(handlingErrors);
  assert.equal((await client.get("/items/foo")).json(), { item: "The Foo Wrestlers" });
  const missing = await client.get("/items/bar");
  assert.is(missing.statusCode, 404);
  assert.equal(missing.json(), { detail: "Item not found" });
  assert.is(missing.headers.get("x-error"), "There goes my error");
  const unicorn = await client.get("/unicorns/yolo");
  assert.is(unicorn.statusCode, 418);
  assert.equal(unicorn.json(), { message: "Oops! yolo did something. There goes a rainbow..." });
  assert.equal((await client.get("/nowhere")).json(), { detail: "Not Found" });
});

test("lifespan.ts: startup, state in requests, shutdown", async () => {
  await new TestClient(lifespanApp).run(async (client) => {
    assert.equal((await client.get("/predict?x=2")).json(), { result: 84 });
  });
  assert.equal(lifespanEvents, ["startup: models loaded", "shutdown: models released"]);
});

test("serving.ts: start() serves and closes", async () => {
  const logged: string[] = [];
  const realError = console.error;
  console.error = (line: string) => void logged.push(line);
  try {
    const server = await start(0);
    const response = await fetch(`${server.url}/`);
    assert.equal(await response.json(), { status: "ok" });
    await server.close();
  } finally {
    console.error = realError;
  }
  assert.ok(logged.some((l) => l.startsWith("listening on http://127.0.0.1:")));
});

test("testing.ts and test_ordering_bug.ts: the recipes pass", async () => {
  await testing.testReadItem();
  await testing.testReadItemBadToken();
  await testing.testWithLifespan();
  await orderingBug.testWrongOrderFails();
  await orderingBug.testRightOrderWorks();
});

test("secret_key.ts: 64 hex characters, keys from the environment, oldest first", async () => {
  assert.match(generateSecret(), /^[0-9a-f]{64}$/);
  assert.equal(secretKeys({ SECRET_KEY: "new", OLD_SECRET_KEYS: "older,old" }), ["older", "old", "new"]);
  assert.throws(() => secretKeys({}), /Set SECRET_KEY/);
  const app = secretApp({ SECRET_KEY: "k", NODE_ENV: "production" });
  app.get("/")((r) => (r.session.set("a", 1), "ok"));
  const response = await new TestClient(app, { baseUrl: "https://testserver" }).get("/");
  assert.match(response.headers.get("set-cookie") as string, /; secure$/);
});

test("decode_cookie.ts reads the seed's cookie, and checks its signature when given the secret", () => {
  const cookie = "eyJrZXkiOiAidmFsdWUifQ==.ZVPxAA.rC_hcl3w4pdVlKBBPd3Q3SXJP70";
  const decoded = decodeSessionCookie(cookie);
  assert.equal(decoded, { data: { key: "value" }, signed: "2023-11-14T22:13:20.000Z" });
  assert.match(decodeSessionCookie(cookie, "some-random-string").error ?? "", /^expired: Signature age \d+ > 1209600 seconds$/);
  assert.match(decodeSessionCookie(cookie, "wrong").error ?? "", /^not signed with this secret/);
});

if (requirePython("fastapi", "starlette", "httpx")) {
  test("the FastAPI apps in examples/python/ print what their TypeScript twins print", async () => {
    const paths = ["/read-session", "/test-session", "/read-session"];
    for (const [name, app] of [["incorrect", incorrect], ["correct", correct]] as const) {
      const python = runPython<Array<{ printed: string; status: number; body: string }>>("run_example", { module: `${root}examples/python/middleware_order_${name}.py`, requests: paths });
      const client = new TestClient(app);
      const realLog = console.log;
      try {
        for (const [i, path] of paths.entries()) {
          let printed = "";
          console.log = (line: string) => void (printed += line + "\n");
          const response = await client.get(path);
          assert.is(printed, python[i].printed, `${name} ${path}`);
          assert.is(response.statusCode, python[i].status);
          assert.is(response.text, python[i].body);
        }
      } finally {
        console.log = realLog;
      }
    }
  });
}

test.run();
