// Twin of tests/python/fastapi_apps/header_param_models.py (docs_src/header_param_models,
// tutorial001-003): one object schema read from every header.
import * as z from "zod";
import { FastAPI, Header } from "../../../src/fastapi/index.js";

export const app = new FastAPI();

// tutorial001
const CommonHeaders = z.object({
  host: z.string(),
  save_data: z.boolean(),
  if_modified_since: z.string().nullable().default(null),
  traceparent: z.string().nullable().default(null),
  x_tag: z.array(z.string()).default([]),
});

app.get("/items/", { params: { headers: Header(CommonHeaders) } }, async function readItems({ headers }) {
  return headers;
});

// tutorial002: extra headers are forbidden
const CommonHeadersForbid = z.strictObject({
  host: z.string(),
  save_data: z.boolean(),
  if_modified_since: z.string().nullable().default(null),
  traceparent: z.string().nullable().default(null),
  x_tag: z.array(z.string()).default([]),
});

app.get("/t002/items/", { params: { headers: Header(CommonHeadersForbid) } }, async function readItems002({ headers }) {
  return headers;
});

// tutorial003: the names as written, underscores and all
app.get("/t003/items/", { params: { headers: Header(CommonHeaders, { convertUnderscores: false }) } }, async function readItems003({ headers }) {
  return headers;
});
