// Path Operation Configuration: tags group path operations in the API's documentation.
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

app.post("/items/", { params: { item: Body(Item) }, responseModel: Item, tags: ["items"] }, async function createItem({ item }) {
  return item;
});

app.get("/items/", { tags: ["items"] }, async function readItems() {
  return [{ name: "Foo", price: 42 }];
});

app.get("/users/", { tags: ["users"] }, async function readUsers() {
  return [{ username: "johndoe" }];
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
