// Global Dependencies: dependencies of the application run for every path operation.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { Depends, FastAPI, HTTPException, Header } from "starlette-ts/fastapi";
import * as z from "zod";

async function verifyToken({ x_token }: { x_token: string }) {
  if (x_token !== "fake-super-secret-token") {
    throw new HTTPException(400, "X-Token header invalid");
  }
}

async function verifyKey({ x_key }: { x_key: string }) {
  if (x_key !== "fake-super-secret-key") {
    throw new HTTPException(400, "X-Key header invalid");
  }
  return x_key;
}

export const app = new FastAPI({
  dependencies: [
    Depends(verifyToken, { params: { x_token: Header(z.string()) } }),
    Depends(verifyKey, { params: { x_key: Header(z.string()) } }),
  ],
});

app.get("/items/", async function readItems() {
  return [{ item: "Portal Gun" }, { item: "Plumbus" }];
});

app.get("/users/", async function readUsers() {
  return [{ username: "Rick" }, { username: "Morty" }];
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
