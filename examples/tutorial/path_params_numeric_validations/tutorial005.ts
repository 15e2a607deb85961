// Greater than (gt) and less than or equal (le) together.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI, Path, Query } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

app.get(
  "/items/{item_id}",
  { params: { item_id: Path(z.int(), { title: "The ID of the item to get", gt: 0, le: 1000 }), q: Query(z.string()) } },
  async function readItems({ item_id, q }) {
    const results: Record<string, unknown> = { item_id };
    if (q) {
      results.q = q;
    }
    return results;
  },
);

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
