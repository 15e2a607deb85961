// Header Parameters: user_agent reads the User-Agent header (underscores become hyphens).
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI, Header } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

app.get("/items/", { params: { user_agent: Header(z.string().nullable().default(null)) } }, async function readItems({ user_agent }) {
  return { "User-Agent": user_agent };
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
