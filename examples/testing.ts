// Testing with the TestClient: no server, no sockets. Any test runner works;
// this file uses node:assert so that it runs anywhere.
import assert from "node:assert/strict";
import { App, HTTPException, TestClient, type Request } from "starlette-ts";

const app = new App();
app.get("/items/{item_id}")((request: Request) => {
  if (request.headers.get("x-token") !== "coneofsilence") throw new HTTPException(400, "Invalid X-Token header");
  return { id: request.pathParams.item_id, title: "Foo" };
});

export async function testReadItem(): Promise<void> {
  const client = new TestClient(app);
  const response = await client.get("/items/foo", { headers: { "X-Token": "coneofsilence" } });
  assert.equal(response.statusCode, 200);
  assert.deepEqual(response.json(), { id: "foo", title: "Foo" });
}

export async function testReadItemBadToken(): Promise<void> {
  const response = await new TestClient(app).get("/items/foo", { headers: { "X-Token": "hailhydra" } });
  assert.equal(response.statusCode, 400);
  assert.equal(response.text, "Invalid X-Token header");
}

export async function testWithLifespan(): Promise<void> {
  // Python's `with TestClient(app) as client:` runs startup and shutdown around the block.
  await new TestClient(app).run(async (client) => {
    assert.equal((await client.get("/items/x", { headers: { "X-Token": "coneofsilence" } })).statusCode, 200);
  });
}
