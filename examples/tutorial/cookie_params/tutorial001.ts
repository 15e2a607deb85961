// Cookie Parameters: a value read from the Cookie header, declared as a query parameter is.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { Cookie, FastAPI } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

app.get("/items/", { params: { ads_id: Cookie(z.string().nullable().default(null)) } }, async function readItems({ ads_id }) {
  return { ads_id };
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
