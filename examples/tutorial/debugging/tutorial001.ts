// Debugging: the file starts its own server when run directly (node tutorial001.ts), so a
// debugger can run it; imported, it only defines the app.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI } from "starlette-ts/fastapi";

export const app = new FastAPI();

app.get("/", function root() {
  const a = "a";
  const b = "b" + a;
  return { "hello world": b };
});

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await serve(app, { host: "0.0.0.0", port: Number(process.env.PORT ?? 8000) });
}
