// Twin of tests/python/fastapi_apps/body_fields.py (docs_src/body_fields, tutorial001): the
// model's Field(max_length=300) and Field(gt=0) are zod's own constraints.
import * as z from "zod";
import { Body, FastAPI, Path } from "../../../src/fastapi/index.js";

export const app = new FastAPI();

const Item = z.object({
  name: z.string(),
  description: z.string().max(300).nullable().default(null).meta({ title: "The description of the item" }),
  price: z.number().gt(0).meta({ description: "The price must be greater than zero" }),
  tax: z.number().nullable().default(null),
}).meta({ id: "Item" });

app.put("/items/{item_id}", { params: { item_id: Path(z.int()), item: Body(Item, { embed: true }) } }, async function updateItem({ item_id, item }) {
  const results = { item_id, item };
  return results;
});
