// Path Parameters with a type: "3" in the URL arrives as the number 3, "foo" gets a 422.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI, Path } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

app.get("/items/{item_id}", { params: { item_id: Path(z.int()) } }, async function readItem({ item_id }) {
  return { item_id };
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
