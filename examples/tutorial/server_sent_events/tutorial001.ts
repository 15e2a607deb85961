// Server-Sent Events: with EventSourceResponse as the response class, each yielded item is an event.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { EventSourceResponse, FastAPI } from "starlette-ts/fastapi";
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

app.get("/items/stream", { responseClass: EventSourceResponse, responseModel: Item }, async function* sseItems(): AsyncGenerator<Item> {
  for (const item of items) {
    yield item;
  }
});

app.get("/items/stream-no-async", { responseClass: EventSourceResponse, responseModel: Item }, function* sseItemsNoAsync(): Generator<Item> {
  for (const item of items) {
    yield item;
  }
});

app.get("/items/stream-no-annotation", { responseClass: EventSourceResponse }, async function* sseItemsNoAnnotation() {
  for (const item of items) {
    yield item;
  }
});

app.get("/items/stream-no-async-no-annotation", { responseClass: EventSourceResponse }, function* sseItemsNoAsyncNoAnnotation() {
  for (const item of items) {
    yield item;
  }
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
