// Response Model - Return Type: `responseModel` validates and filters what is returned.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { Body, FastAPI } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

const Item = z.object({
  name: z.string(),
  description: z.string().nullable().default(null),
  price: z.number(),
  tax: z.number().nullable().default(null),
  tags: z.array(z.string()).default([]),
});
type Item = z.infer<typeof Item>;

app.post("/items/", { params: { item: Body(Item) }, responseModel: Item }, async function createItem({ item }): Promise<Item> {
  return item;
});

app.get("/items/", { responseModel: z.array(Item) }, async function readItems(): Promise<Item[]> {
  return [Item.parse({ name: "Portal Gun", price: 42.0 }), Item.parse({ name: "Plumbus", price: 32.0 })];
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
