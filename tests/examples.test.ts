// No Python counterpart: every file under examples/ runs here (the session and
// ordering examples also run in seed.test.ts against the FastAPI recording).
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { TestClient } from "../src/testclient.js";
import { app as hello } from "../examples/hello.js";
import { app as httpMiddleware } from "../examples/http_middleware.js";
import { app as login } from "../examples/login.js";
import { app as main } from "../examples/main.js";
import { app as correct } from "../examples/middleware_order_correct.js";
import { app as incorrect } from "../examples/middleware_order_incorrect.js";
import { order } from "../examples/middleware_stack.js";
import { app as pure } from "../examples/pure_middleware.js";
import * as signing from "../examples/itsdangerous_signing.js";
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
