// Between 3 and 50 characters.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI, Query } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

app.get(
  "/items/",
  { params: { q: Query(z.string().nullable().default(null), { minLength: 3, maxLength: 50 }) } },
  async function readItems({ q }) {
    const results: Record<string, unknown> = { items: [{ item_id: "Foo" }, { item_id: "Bar" }] };
    if (q) {
      results.q = q;
    }
    return results;
  },
);

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
