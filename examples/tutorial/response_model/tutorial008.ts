// Response Model: responseModelInclude and responseModelExclude pick fields by name.
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
});

const items: Record<string, Record<string, unknown>> = {
  foo: { name: "Foo", price: 50.2 },
  bar: { name: "Bar", description: "The Bar fighters", price: 62, tax: 20.2 },
  baz: { name: "Baz", description: "There goes my baz", price: 50.2, tax: 10.5 },
};

app.get(
  "/items/{item_id}/name",
  { params: { item_id: Path(z.string()) }, responseModel: Item, responseModelInclude: ["name", "description"] },
  async function readItemName({ item_id }) {
    return items[item_id];
  },
);

app.get(
  "/items/{item_id}/public",
  { params: { item_id: Path(z.string()) }, responseModel: Item, responseModelExclude: ["tax"] },
  async function readItemPublicData({ item_id }) {
    return items[item_id];
  },
);

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
