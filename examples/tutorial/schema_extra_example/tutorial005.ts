// OpenAPI-specific examples: named, each with a summary and a description.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { Body, FastAPI, Path } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

const Item = z.object({
  name: z.string(),
  description: z.string().nullable().default(null),
  price: z.number(),
  tax: z.number().nullable().default(null),
});

app.put(
  "/items/{item_id}",
  {
    params: {
      item_id: Path(z.int()),
      item: Body(Item, {
        openapiExamples: {
          normal: {
            summary: "A normal example",
            description: "A **normal** item works correctly.",
            value: {
              name: "Foo",
              description: "A very nice Item",
              price: 35.4,
              tax: 3.2,
            },
          },
          converted: {
            summary: "An example with converted data",
            description: "FastAPI can convert price `strings` to actual `numbers` automatically",
            value: {
              name: "Bar",
              price: "35.4",
            },
          },
          invalid: {
            summary: "Invalid data is rejected with an error",
            value: {
              name: "Baz",
              price: "thirty five point four",
            },
          },
        },
      }),
    },
  },
  async function updateItem({ item_id, item }) {
    const results = { item_id, item };
    return results;
  },
);

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
