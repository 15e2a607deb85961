// TS twin of tests/python/fastapi_apps/response_status_code.py (docs_src/response_status_code).
import * as z from "zod";
import { FastAPI, Query, status } from "../../../src/fastapi/index.js";

export const app = new FastAPI();

// tutorial001
app.post("/items/", { statusCode: 201, params: { name: Query(z.string()) } }, async function createItem({ name }) {
  return { name };
});

// tutorial002
app.post("/t002/items/", { statusCode: status.HTTP_201_CREATED, params: { name: Query(z.string()) } }, async function createItem002({ name }) {
  return { name };
});
