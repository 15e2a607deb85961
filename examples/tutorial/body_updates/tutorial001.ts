// Body - Updates: PUT replaces the stored item with the one sent (defaults included).
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { Body, FastAPI, Path, jsonableEncoder } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

const Item = z.object({
  name: z.string().nullable().default(null),
  description: z.string().nullable().default(null),
  price: z.number().nullable().default(null),
  tax: z.number().default(10.5),
  tags: z.array(z.string()).default([]),
});

const items: Record<string, unknown> = {
  foo: { name: "Foo", price: 50.2 },
  bar: { name: "Bar", description: "The bartenders", price: 62, tax: 20.2 },
  baz: { name: "Baz", description: null, price: 50.2, tax: 10.5, tags: [] },
};

app.get("/items/{item_id}", { params: { item_id: Path(z.string()) }, responseModel: Item }, async function readItem({ item_id }) {
  return items[item_id];
});

app.put("/items/{item_id}", { params: { item_id: Path(z.string()), item: Body(Item) }, responseModel: Item }, async function updateItem({ item_id, item }) {
  const updateItemEncoded = jsonableEncoder(item);
  items[item_id] = updateItemEncoded;
  return updateItemEncoded;
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
