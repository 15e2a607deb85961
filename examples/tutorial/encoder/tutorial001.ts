// JSON Compatible Encoder: jsonableEncoder turns an object with a Date into plain JSON data.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { Body, FastAPI, Path, jsonableEncoder } from "starlette-ts/fastapi";
import * as z from "zod";

const fakeDb: Record<string, unknown> = {};

const Item = z.object({
  title: z.string(),
  // ISO 8601 text with a time zone, handed over as a Date.
  timestamp: z.iso.datetime({ offset: true }).transform((text) => new Date(text)),
  description: z.string().nullable().default(null),
});

export const app = new FastAPI();

app.put("/items/{id}", { params: { id: Path(z.string()), item: Body(Item) } }, function updateItem({ id, item }) {
  const jsonCompatibleItemData = jsonableEncoder(item);
  fakeDb[id] = jsonCompatibleItemData;
});

// Not in FastAPI's sample: shows what was stored.
app.get("/items/{id}", { params: { id: Path(z.string()) } }, function readItem({ id }) {
  return fakeDb[id];
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
