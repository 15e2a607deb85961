// Response Status Code: the same, with the named constant from `status`.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI, Query, status } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

app.post("/items/", { params: { name: Query(z.string()) }, statusCode: status.HTTP_201_CREATED }, async function createItem({ name }) {
  return { name };
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
