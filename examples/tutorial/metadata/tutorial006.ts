// Metadata and Docs URLs: no OpenAPI document at all, and so no docs pages either.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI } from "starlette-ts/fastapi";

export const app = new FastAPI({ openapiUrl: null });

app.get("/items/", async function readItems() {
  return [{ name: "Foo" }];
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
