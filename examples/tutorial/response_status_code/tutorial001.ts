// Response Status Code: the status a path operation answers with, set in its options.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI, Query } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

app.post("/items/", { params: { name: Query(z.string()) }, statusCode: 201 }, async function createItem({ name }) {
  return { name };
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
