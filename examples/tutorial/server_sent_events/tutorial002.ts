// Server-Sent Events: ServerSentEvent sets the event's type, id, retry time, or a comment.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { EventSourceResponse, FastAPI, ServerSentEvent } from "starlette-ts/fastapi";

export const app = new FastAPI();

const items = [
  { name: "Plumbus", price: 32.99 },
  { name: "Portal Gun", price: 999.99 },
  { name: "Meeseeks Box", price: 49.99 },
];

app.get("/items/stream", { responseClass: EventSourceResponse }, async function* streamItems(): AsyncGenerator<ServerSentEvent> {
  yield new ServerSentEvent({ comment: "stream of item updates" });
  for (const [i, item] of items.entries()) {
    yield new ServerSentEvent({ data: item, event: "item_update", id: String(i + 1), retry: 5000 });
  }
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
