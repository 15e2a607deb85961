// A boolean query parameter: 1, true, on, yes (in any case) are true; 0, false, off, no are false.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI, Path, Query } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

app.get(
  "/items/{item_id}",
  {
    params: {
      item_id: Path(z.string()),
      q: Query(z.string().nullable().default(null)),
      short: Query(z.boolean().default(false)),
    },
  },
  async function readItem({ item_id, q, short }) {
    const item: Record<string, string> = { item_id };
    if (q) {
      item.q = q;
    }
    if (!short) {
      item.description = "This is an amazing item that has a long description";
    }
    return item;
  },
);

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
