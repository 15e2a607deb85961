// A list with a default list.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI, Query } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

app.get("/items/", { params: { q: Query(z.array(z.string()).default(["foo", "bar"])) } }, async function readItems({ q }) {
  const queryItems = { q };
  return queryItems;
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
