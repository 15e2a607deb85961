// Floats too: size must be above 0 and below 10.5.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI, Path, Query } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

app.get(
  "/items/{item_id}",
  {
    params: {
      item_id: Path(z.int(), { title: "The ID of the item to get", ge: 0, le: 1000 }),
      q: Query(z.string()),
      size: Query(z.number(), { gt: 0, lt: 10.5 }),
    },
  },
  async function readItems({ item_id, q, size }) {
    const results: Record<string, unknown> = { item_id };
    if (q) {
      results.q = q;
    }
    if (size) {
      results.size = size;
    }
    return results;
  },
);

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
