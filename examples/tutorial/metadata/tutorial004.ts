// Metadata and Docs URLs: the OpenAPI document served at another URL (the docs pages follow it).
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI } from "starlette-ts/fastapi";

export const app = new FastAPI({ openapiUrl: "/api/v1/openapi.json" });

app.get("/items/", async function readItems() {
  return [{ name: "Foo" }];
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
