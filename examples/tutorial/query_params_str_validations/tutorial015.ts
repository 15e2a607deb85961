// Custom validation: a check of your own, run by the validator after its type checks.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI, Query } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

const data: Record<string, string> = {
  "isbn-9781529046137": "The Hitchhiker's Guide to the Galaxy",
  "imdb-tt0371724": "The Hitchhiker's Guide to the Galaxy",
  "isbn-9781439512982": "Isaac Asimov: The Complete Stories, Vol. 2",
};

const validId = z.string().refine((id) => id.startsWith("isbn-") || id.startsWith("imdb-"), {
  message: 'Invalid ID format, it must start with "isbn-" or "imdb-"',
});

app.get("/items/", { params: { id: Query(validId.nullable().default(null)) } }, async function readItems({ id }) {
  let item: string | null;
  if (id) {
    item = Object.hasOwn(data, id) ? data[id] : null;
  } else {
    const entries = Object.entries(data);
    [id, item] = entries[Math.floor(Math.random() * entries.length)];
  }
  return { id, name: item };
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
