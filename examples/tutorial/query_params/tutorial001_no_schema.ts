// tutorial001 with a validator that gives the layer no JSON Schema (valibot on its own): the
// values arrive as the strings of the URL, so the schema converts them itself.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI, Query } from "starlette-ts/fastapi";
import * as v from "valibot";

export const app = new FastAPI();

const fakeItemsDb = [{ item_name: "Foo" }, { item_name: "Bar" }, { item_name: "Baz" }];

// The default is text as well: it goes through the same pipe as a value from the URL.
const int = (fallback: string) => v.optional(v.pipe(v.string(), v.toNumber(), v.integer()), fallback);

app.get("/items/", { params: { skip: Query(int("0")), limit: Query(int("10")) } }, async function readItem({ skip, limit }) {
  return fakeItemsDb.slice(skip, skip + limit);
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
