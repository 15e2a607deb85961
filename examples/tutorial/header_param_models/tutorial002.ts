// Forbid extra headers: a strict object refuses any header it does not declare.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI, Header } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

const CommonHeaders = z.strictObject({
  host: z.string(),
  save_data: z.boolean(),
  if_modified_since: z.string().nullable().default(null),
  traceparent: z.string().nullable().default(null),
  x_tag: z.array(z.string()).default([]),
});

app.get("/items/", { params: { headers: Header(CommonHeaders) } }, async function readItems({ headers }) {
  return headers;
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
