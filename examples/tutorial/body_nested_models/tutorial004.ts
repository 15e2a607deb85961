// A model inside a model: image is an object with its own fields.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { Body, FastAPI, Path } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

const Image = z.object({
  url: z.string(),
  name: z.string(),
});

const Item = z.object({
  name: z.string(),
  description: z.string().nullable().default(null),
  price: z.number(),
  tax: z.number().nullable().default(null),
  tags: z
    .array(z.string())
    .transform((tags) => [...new Set(tags)])
    .default([]),
  image: Image.nullable().default(null),
});

app.put("/items/{item_id}", { params: { item_id: Path(z.int()), item: Body(Item) } }, async function updateItem({ item_id, item }) {
  const results = { item_id, item };
  return results;
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
