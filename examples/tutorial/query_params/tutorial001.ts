// Query Parameters: ?skip=0&limit=10, converted to numbers, with defaults.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI, Query } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

const fakeItemsDb = [{ item_name: "Foo" }, { item_name: "Bar" }, { item_name: "Baz" }];

app.get(
  "/items/",
  { params: { skip: Query(z.int().default(0)), limit: Query(z.int().default(10)) } },
  async function readItem({ skip, limit }) {
    return fakeItemsDb.slice(skip, skip + limit);
  },
);

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
