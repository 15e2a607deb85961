// Handling Errors: throw HTTPException to answer with an error status and a detail.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI, HTTPException, Path } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

const items: Record<string, string> = { foo: "The Foo Wrestlers" };

app.get("/items/{item_id}", { params: { item_id: Path(z.string()) } }, async function readItem({ item_id }) {
  if (!(item_id in items)) {
    throw new HTTPException(404, "Item not found");
  }
  return { item: items[item_id] };
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
