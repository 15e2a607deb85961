// Twin of tests/python/fastapi_apps/query_param_models.py (docs_src/query_param_models,
// tutorial001-002): one object schema read from every query parameter.
import * as z from "zod";
import { FastAPI, Query } from "../../../src/fastapi/index.js";

export const app = new FastAPI();

// tutorial001
const FilterParams = z.object({
  limit: z.int().gt(0).lte(100).default(100),
  offset: z.int().gte(0).default(0),
  order_by: z.literal(["created_at", "updated_at"]).default("created_at"),
  tags: z.array(z.string()).default([]),
});

app.get("/items/", { params: { filter_query: Query(FilterParams) } }, async function readItems({ filter_query }) {
  return filter_query;
});

// tutorial002: extra query parameters are forbidden
const FilterParamsForbid = z.strictObject({
  limit: z.int().gt(0).lte(100).default(100),
  offset: z.int().gte(0).default(0),
  order_by: z.literal(["created_at", "updated_at"]).default("created_at"),
  tags: z.array(z.string()).default([]),
});

app.get("/t002/items/", { params: { filter_query: Query(FilterParamsForbid) } }, async function readItems002({ filter_query }) {
  return filter_query;
});
