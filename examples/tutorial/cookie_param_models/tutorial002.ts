// Forbid extra cookies: a strict object refuses a cookie it does not declare.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { Cookie, FastAPI } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

const Cookies = z.strictObject({
  session_id: z.string(),
  fatebook_tracker: z.string().nullable().default(null),
  googall_tracker: z.string().nullable().default(null),
});

app.get("/items/", { params: { cookies: Cookie(Cookies) } }, async function readItems({ cookies }) {
  return cookies;
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
