// Classes as Dependencies: the class is constructed with the query parameters.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { Depends, FastAPI, Query, type Values } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

const fakeItemsDb = [{ item_name: "Foo" }, { item_name: "Bar" }, { item_name: "Baz" }];

const commonQueryParams = {
  q: Query(z.string().nullable().default(null)),
  skip: Query(z.int().default(0)),
  limit: Query(z.int().default(100)),
};

class CommonQueryParams {
  q: string | null;
  skip: number;
  limit: number;

  constructor({ q, skip, limit }: Values<typeof commonQueryParams>) {
    this.q = q;
    this.skip = skip;
    this.limit = limit;
  }
}

app.get("/items/", { params: { commons: Depends(CommonQueryParams, { params: commonQueryParams }) } }, async function readItems({ commons }) {
  const response: Record<string, unknown> = {};
  if (commons.q) {
    response.q = commons.q;
  }
  const items = fakeItemsDb.slice(commons.skip, commons.skip + commons.limit);
  response.items = items;
  return response;
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
