// Several path and query parameters at once, each found by its name.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI, Path, Query } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

app.get(
  "/users/{user_id}/items/{item_id}",
  {
    params: {
      user_id: Path(z.int()),
      item_id: Path(z.string()),
      q: Query(z.string().nullable().default(null)),
      short: Query(z.boolean().default(false)),
    },
  },
  async function readUserItem({ user_id, item_id, q, short }) {
    const item: Record<string, string | number> = { item_id, owner_id: user_id };
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
