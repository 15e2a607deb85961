// An optional query parameter: absent, it is null.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI, Path, Query } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

app.get(
  "/items/{item_id}",
  { params: { item_id: Path(z.string()), q: Query(z.string().nullable().default(null)) } },
  async function readItem({ item_id, q }) {
    if (q) {
      return { item_id, q };
    }
    return { item_id };
  },
);

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
