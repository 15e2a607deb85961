// Body - Multiple Parameters: path, query and an optional body mixed.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { Body, FastAPI, Path, Query } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

const Item = z.object({
  name: z.string(),
  description: z.string().nullable().default(null),
  price: z.number(),
  tax: z.number().nullable().default(null),
});

app.put(
  "/items/{item_id}",
  {
    params: {
      item_id: Path(z.int(), { title: "The ID of the item to get", ge: 0, le: 1000 }),
      q: Query(z.string().nullable().default(null)),
      item: Body(Item.nullable().default(null)),
    },
  },
  async function updateItem({ item_id, q, item }) {
    const results: Record<string, unknown> = { item_id };
    if (q) {
      results.q = q;
    }
    if (item) {
      results.item = item;
    }
    return results;
  },
);

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
