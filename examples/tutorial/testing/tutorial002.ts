// Testing: dependencyOverrides replaces a dependency for the tests, everywhere the app uses it.
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { Depends, FastAPI, Query, type Values } from "starlette-ts/fastapi";
import { TestClient } from "starlette-ts/testclient";
import * as z from "zod";

export const app = new FastAPI();

const commonParams = {
  q: Query(z.string().nullable().default(null)),
  skip: Query(z.int().default(0)),
  limit: Query(z.int().default(100)),
};

async function commonParameters({ q, skip, limit }: Values<typeof commonParams>) {
  return { q, skip, limit };
}

app.get("/items/", { params: { commons: Depends(commonParameters, { params: commonParams }) } }, async function readItems({ commons }) {
  return { message: "Hello Items!", params: commons };
});

app.get("/users/", { params: { commons: Depends(commonParameters, { params: commonParams }) } }, async function readUsers({ commons }) {
  return { message: "Hello Users!", params: commons };
});

const client = new TestClient(app);

async function overrideDependency({ q }: { q: string | null }) {
  return { q, skip: 5, limit: 10 };
}

app.dependencyOverrides.set(commonParameters, Depends(overrideDependency, { params: { q: Query(z.string().nullable().default(null)) } }));

export async function testOverrideInItems() {
  const response = await client.get("/items/");
  assert.equal(response.statusCode, 200);
  assert.deepEqual(response.json(), { message: "Hello Items!", params: { q: null, skip: 5, limit: 10 } });
}

export async function testOverrideInItemsWithQ() {
  const response = await client.get("/items/?q=foo");
  assert.equal(response.statusCode, 200);
  assert.deepEqual(response.json(), { message: "Hello Items!", params: { q: "foo", skip: 5, limit: 10 } });
}

export async function testOverrideInItemsWithParams() {
  const response = await client.get("/items/?q=foo&skip=100&limit=200");
  assert.equal(response.statusCode, 200);
  assert.deepEqual(response.json(), { message: "Hello Items!", params: { q: "foo", skip: 5, limit: 10 } });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
