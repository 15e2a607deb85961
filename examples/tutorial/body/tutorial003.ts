// A body and a path parameter together.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { Body, FastAPI, Path } from "starlette-ts/fastapi";
import * as z from "zod";

const Item = z.object({
  name: z.string(),
  description: z.string().nullable().default(null),
  price: z.number(),
  tax: z.number().nullable().default(null),
});

export const app = new FastAPI();

app.put("/items/{item_id}", { params: { item_id: Path(z.int()), item: Body(Item) } }, async function updateItem({ item_id, item }) {
  return { item_id, ...item };
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
