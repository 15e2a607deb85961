// Path Operation Configuration: the response status code, as a named constant.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { Body, FastAPI, status } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

const Item = z.object({
  name: z.string(),
  description: z.string().nullable().default(null),
  price: z.number(),
  tax: z.number().nullable().default(null),
  tags: z.array(z.string()).default([]),
});

app.post("/items/", { params: { item: Body(Item) }, responseModel: Item, statusCode: status.HTTP_201_CREATED }, async function createItem({ item }) {
  return item;
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
