// convertUnderscores: false reads a header whose name really has underscores.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI, Header } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

app.get(
  "/items/",
  { params: { strange_header: Header(z.string().nullable().default(null), { convertUnderscores: false }) } },
  async function readItems({ strange_header }) {
    return { strange_header };
  },
);

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
