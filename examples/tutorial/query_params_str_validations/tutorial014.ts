// Left out of the OpenAPI schema with includeInSchema: false; still read from the URL.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI, Query } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

app.get(
  "/items/",
  { params: { hidden_query: Query(z.string().nullable().default(null), { includeInSchema: false }) } },
  async function readItems({ hidden_query }) {
    if (hidden_query) {
      return { hidden_query };
    } else {
      return { hidden_query: "Not found" };
    }
  },
);

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
