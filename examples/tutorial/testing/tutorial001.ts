// Testing: the TestClient calls the app in process; plain functions with assert are the tests.
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI } from "starlette-ts/fastapi";
import { TestClient } from "starlette-ts/testclient";

export const app = new FastAPI();

app.get("/", async function readMain() {
  return { msg: "Hello World" };
});

const client = new TestClient(app);

export async function testReadMain() {
  const response = await client.get("/");
  assert.equal(response.statusCode, 200);
  assert.deepEqual(response.json(), { msg: "Hello World" });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
