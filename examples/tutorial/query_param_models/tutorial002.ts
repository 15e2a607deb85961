// Forbid extra query parameters: a strict object refuses the keys it does not declare.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI, Query } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

const FilterParams = z.strictObject({
  limit: z.int().gt(0).lte(100).default(100),
  offset: z.int().gte(0).default(0),
  order_by: z.literal(["created_at", "updated_at"]).default("created_at"),
  tags: z.array(z.string()).default([]),
});

app.get("/items/", { params: { filter_query: Query(FilterParams) } }, async function readItems({ filter_query }) {
  return filter_query;
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
