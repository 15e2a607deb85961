// Response Model: responseModelExcludeUnset sends only the values that were set.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI, Path } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

const Item = z.object({
  name: z.string(),
  description: z.string().nullable().default(null),
  price: z.number(),
  tax: z.number().default(10.5),
  tags: z.array(z.string()).default([]),
});

const items: Record<string, Record<string, unknown>> = {
  foo: { name: "Foo", price: 50.2 },
  bar: { name: "Bar", description: "The bartenders", price: 62, tax: 20.2 },
  baz: { name: "Baz", description: null, price: 50.2, tax: 10.5, tags: [] },
};

app.get(
  "/items/{item_id}",
  { params: { item_id: Path(z.string()) }, responseModel: Item, responseModelExcludeUnset: true },
  async function readItem({ item_id }) {
    return items[item_id];
  },
);

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
