// Response Model: a path operation that returns a Response itself, typed as one.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI, JSONResponse, Query, RedirectResponse, type Response } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

app.get("/portal", { params: { teleport: Query(z.boolean().default(false)) } }, async function getPortal({ teleport }): Promise<Response> {
  if (teleport) {
    return new RedirectResponse("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
  }
  return new JSONResponse({ message: "Here's your interdimensional portal." });
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
