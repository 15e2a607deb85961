// Dependencies: one function declares the common query parameters; two path operations use it.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { Depends, FastAPI, Query, type Values } from "starlette-ts/fastapi";
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
  return commons;
});

app.get("/users/", { params: { commons: Depends(commonParameters, { params: commonParams }) } }, async function readUsers({ commons }) {
  return commons;
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
