// The samples of docs/tutorial/middleware.md: each TS app answers as its FastAPI twin, with an
// X-Process-Time header that both write as seconds, and its middleware in the same order.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { TestClient } from "../../src/testclient.js";
import { app as t001 } from "../../examples/tutorial/middleware/tutorial001.js";
import { app as t002 } from "../../examples/tutorial/middleware/tutorial002.js";
import { comparePairs } from "./_samples.js";

const python = comparePairs(test, [
  { module: "examples/tutorial/middleware/tutorial001", app: t001, requests: [{ path: "/" }, { path: "/nowhere" }] },
  { module: "examples/tutorial/middleware/tutorial002", app: t002, requests: [{ path: "/", comparePrinted: true }] },
]);

test("tutorial001: both time the request in seconds, a small positive float", async () => {
  const client = new TestClient(t001);
  const times = [(await client.get("/")).headers.get("x-process-time"), (await client.get("/nowhere")).headers.get("x-process-time")];
  for (const answer of python?.[0] ?? []) times.push(answer.headers.get("x-process-time") ?? null);
  for (const time of times) assert.ok(Number(time) > 0 && Number(time) < 5, `X-Process-Time ${time}`);
});

test.run();
