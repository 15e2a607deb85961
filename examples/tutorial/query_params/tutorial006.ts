// Required, defaulted and optional query parameters side by side.
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
      needy: Query(z.string()),
      skip: Query(z.int().default(0)),
      limit: Query(z.int().nullable().default(null)),
    },
  },
  async function readUserItem({ item_id, needy, skip, limit }) {
    const item = { item_id, needy, skip, limit };
    return item;
  },
);

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
