// Using the model: its fields are plain typed properties.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { Body, FastAPI } from "starlette-ts/fastapi";
import * as z from "zod";

const Item = z.object({
  name: z.string(),
  description: z.string().nullable().default(null),
  price: z.number(),
  tax: z.number().nullable().default(null),
});

export const app = new FastAPI();

app.post("/items/", { params: { item: Body(Item) } }, async function createItem({ item }) {
  const itemDict: Record<string, unknown> = { ...item };
  if (item.tax !== null) {
    const priceWithTax = item.price + item.tax;
    itemDict.price_with_tax = priceWithTax;
  }
  return itemDict;
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
