// Path Operation Configuration: a long Markdown description, and a response description.
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

app.post(
  "/items/",
  {
    params: { item: Body(Item) },
    responseModel: Item,
    summary: "Create an item",
    description: `Create an item with all the information:

- **name**: each item must have a name
- **description**: a long description
- **price**: required
- **tax**: if the item doesn't have tax, you can omit this
- **tags**: a set of unique tag strings for this item`,
    responseDescription: "The created item",
  },
  async function createItem({ item }) {
    return item;
  },
);

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
