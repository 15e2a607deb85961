// Metadata and Docs URLs: Swagger UI moved to /documentation, ReDoc turned off.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI } from "starlette-ts/fastapi";

export const app = new FastAPI({ docsUrl: "/documentation", redocUrl: null });

app.get("/items/", async function readItems() {
  return [{ name: "Foo" }];
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
