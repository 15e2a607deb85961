// A header sent several times: an array schema collects every value.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI, Header } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

app.get("/items/", { params: { x_token: Header(z.array(z.string()).nullable().default(null)) } }, async function readItems({ x_token }) {
  return { "X-Token values": x_token };
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
