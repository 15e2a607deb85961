// Response Model: `responseModel: null` (the default) returns a Response or plain data as it is.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI, Query, RedirectResponse, type Response } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

app.get("/portal", { params: { teleport: Query(z.boolean().default(false)) }, responseModel: null }, async function getPortal({ teleport }): Promise<Response | Record<string, string>> {
  if (teleport) {
    return new RedirectResponse("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
  }
  return { message: "Here's your interdimensional portal." };
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
