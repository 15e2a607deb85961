// Testing: app/test_main.ts, the tests of main.ts in a file of their own.
import assert from "node:assert/strict";
import { TestClient } from "starlette-ts/testclient";
import { app } from "./main.js";

const client = new TestClient(app);

export async function testReadItem() {
  const response = await client.get("/items/foo", { headers: { "X-Token": "coneofsilence" } });
  assert.equal(response.statusCode, 200);
  assert.deepEqual(response.json(), { id: "foo", title: "Foo", description: "There goes my hero" });
}

export async function testReadItemBadToken() {
  const response = await client.get("/items/foo", { headers: { "X-Token": "hailhydra" } });
  assert.equal(response.statusCode, 400);
  assert.deepEqual(response.json(), { detail: "Invalid X-Token header" });
}

export async function testReadNonexistentItem() {
  const response = await client.get("/items/baz", { headers: { "X-Token": "coneofsilence" } });
  assert.equal(response.statusCode, 404);
  assert.deepEqual(response.json(), { detail: "Item not found" });
}

export async function testCreateItem() {
  const response = await client.post("/items/", {
    headers: { "X-Token": "coneofsilence" },
    json: { id: "foobar", title: "Foo Bar", description: "The Foo Barters" },
  });
  assert.equal(response.statusCode, 200);
  assert.deepEqual(response.json(), { id: "foobar", title: "Foo Bar", description: "The Foo Barters" });
}

export async function testCreateItemBadToken() {
  const response = await client.post("/items/", {
    headers: { "X-Token": "hailhydra" },
    json: { id: "bazz", title: "Bazz", description: "Drop the bazz" },
  });
  assert.equal(response.statusCode, 400);
  assert.deepEqual(response.json(), { detail: "Invalid X-Token header" });
}

export async function testCreateExistingItem() {
  const response = await client.post("/items/", {
    headers: { "X-Token": "coneofsilence" },
    json: { id: "foo", title: "The Foo ID Stealers", description: "There goes my stealer" },
  });
  assert.equal(response.statusCode, 409);
  assert.deepEqual(response.json(), { detail: "Item already exists" });
}
