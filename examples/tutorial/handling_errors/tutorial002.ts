// Handling Errors: an HTTPException with headers of its own.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI, HTTPException, Path } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

const items: Record<string, string> = { foo: "The Foo Wrestlers" };

app.get("/items-header/{item_id}", { params: { item_id: Path(z.string()) } }, async function readItemHeader({ item_id }) {
  if (!(item_id in items)) {
    throw new HTTPException(404, "Item not found", { "X-Error": "There goes my error" });
  }
  return { item: items[item_id] };
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
