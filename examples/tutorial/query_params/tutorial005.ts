// A required query parameter: no default, so leaving it out is a 422.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI, Path, Query } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

app.get(
  "/items/{item_id}",
  { params: { item_id: Path(z.string()), needy: Query(z.string()) } },
  async function readUserItem({ item_id, needy }) {
    const item = { item_id, needy };
    return item;
  },
);

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
