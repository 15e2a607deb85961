// Multiple bodies, a checked single value (gt: 0) and a query parameter.
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

const User = z.object({
  username: z.string(),
  full_name: z.string().nullable().default(null),
});

app.put(
  "/items/{item_id}",
  {
    params: {
      item_id: Path(z.int()),
      item: Body(Item),
      user: Body(User),
      importance: Body(z.int(), { gt: 0 }),
      q: Query(z.string().nullable().default(null)),
    },
  },
  async function updateItem({ item_id, item, user, importance, q }) {
    const results: Record<string, unknown> = { item_id, item, user, importance };
    if (q) {
      results.q = q;
    }
    return results;
  },
);

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
