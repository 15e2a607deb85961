// A body, a path parameter and a query parameter, each from its own place.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { Body, FastAPI, Path, Query } from "starlette-ts/fastapi";
import * as z from "zod";

const Item = z.object({
  name: z.string(),
  description: z.string().nullable().default(null),
  price: z.number(),
  tax: z.number().nullable().default(null),
});

export const app = new FastAPI();

app.put(
  "/items/{item_id}",
  { params: { item_id: Path(z.int()), item: Body(Item), q: Query(z.string().nullable().default(null)) } },
  async function updateItem({ item_id, item, q }) {
    const result: Record<string, unknown> = { item_id, ...item };
    if (q) {
      result.q = q;
    }
    return result;
  },
);

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
