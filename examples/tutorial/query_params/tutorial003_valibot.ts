// tutorial003 with valibot: toStandardJsonSchema gives the layer the JSON Schema it converts by.
import { toStandardJsonSchema } from "@valibot/to-json-schema";
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI, Path, Query } from "starlette-ts/fastapi";
import * as v from "valibot";

export const app = new FastAPI();

app.get(
  "/items/{item_id}",
  {
    params: {
      item_id: Path(toStandardJsonSchema(v.string())),
      q: Query(toStandardJsonSchema(v.optional(v.nullable(v.string()), null))),
      short: Query(toStandardJsonSchema(v.optional(v.boolean(), false))),
    },
  },
  async function readItem({ item_id, q, short }) {
    const item: Record<string, string> = { item_id };
    if (q) {
      item.q = q;
    }
    if (!short) {
      item.description = "This is an amazing item that has a long description";
    }
    return item;
  },
);

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
