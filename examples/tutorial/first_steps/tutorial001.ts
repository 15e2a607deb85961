// First Steps: an app, one path operation, a returned object sent as JSON.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI } from "starlette-ts/fastapi";

export const app = new FastAPI();

app.get("/", async function root() {
  return { message: "Hello World" };
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
