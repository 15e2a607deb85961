// Body - Fields: checks and metadata on the fields of a model, written with the validator's own methods.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { Body, FastAPI, Path } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

const Item = z.object({
  name: z.string(),
  description: z.string().max(300).nullable().default(null).meta({ title: "The description of the item" }),
  price: z.number().gt(0).meta({ description: "The price must be greater than zero" }),
  tax: z.number().nullable().default(null),
});

app.put("/items/{item_id}", { params: { item_id: Path(z.int()), item: Body(Item, { embed: true }) } }, async function updateItem({ item_id, item }) {
  const results = { item_id, item };
  return results;
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
