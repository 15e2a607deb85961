// Stream JSON Lines: a path operation that yields, each item sent as one line of JSON.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

const Item = z.object({
  name: z.string(),
  description: z.string().nullable(),
});
type Item = z.infer<typeof Item>;

const items: Item[] = [
  { name: "Plumbus", description: "A multi-purpose household device." },
  { name: "Portal Gun", description: "A portal opening device." },
  { name: "Meeseeks Box", description: "A box that summons a Meeseeks." },
];

app.get("/items/stream", { responseModel: Item }, async function* streamItems(): AsyncGenerator<Item> {
  for (const item of items) {
    yield item;
  }
});

app.get("/items/stream-no-async", { responseModel: Item }, function* streamItemsNoAsync(): Generator<Item> {
  for (const item of items) {
    yield item;
  }
});

app.get("/items/stream-no-annotation", async function* streamItemsNoAnnotation() {
  for (const item of items) {
    yield item;
  }
});

app.get("/items/stream-no-async-no-annotation", function* streamItemsNoAsyncNoAnnotation() {
  for (const item of items) {
    yield item;
  }
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
