// Body - Updates: PATCH applies only the fields that were sent to the stored item.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { Body, FastAPI, Path, jsonableEncoder } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

const fields = {
  name: z.string().nullable(),
  description: z.string().nullable(),
  price: z.number().nullable(),
  tax: z.number(),
  tags: z.array(z.string()),
};

// A stored item: every field has a default.
const Item = z.object({
  name: fields.name.default(null),
  description: fields.description.default(null),
  price: fields.price.default(null),
  tax: fields.tax.default(10.5),
  tags: fields.tags.default([]),
});

// An update: the same fields, each optional and without a default, so only those sent are set.
const ItemUpdate = z.object(fields).partial();

const items: Record<string, unknown> = {
  foo: { name: "Foo", price: 50.2 },
  bar: { name: "Bar", description: "The bartenders", price: 62, tax: 20.2 },
  baz: { name: "Baz", description: null, price: 50.2, tax: 10.5, tags: [] },
};

app.get("/items/{item_id}", { params: { item_id: Path(z.string()) }, responseModel: Item }, async function readItem({ item_id }) {
  return items[item_id];
});

app.patch("/items/{item_id}", { params: { item_id: Path(z.string()), item: Body(ItemUpdate) }, responseModel: Item }, async function updateItem({ item_id, item }) {
  const storedItemData = items[item_id];
  const storedItemModel = Item.parse(storedItemData);
  const updateData = item;
  const updatedItem = { ...storedItemModel, ...updateData };
  items[item_id] = jsonableEncoder(updatedItem);
  return updatedItem;
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
