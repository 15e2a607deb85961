// tutorial003 with arktype, whose types carry their JSON Schema themselves. arktype gives
// defaults only to the keys of an object, so q and short are declared together as one object
// of query parameters (see Query Parameter Models).
import { type } from "arktype";
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI, Path, Query } from "starlette-ts/fastapi";

const ItemQuery = type({
  q: "string | null = null",
  short: "boolean = false",
});

export const app = new FastAPI();

app.get(
  "/items/{item_id}",
  { params: { item_id: Path(type("string")), query: Query(ItemQuery) } },
  async function readItem({ item_id, query: { q, short } }) {
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
