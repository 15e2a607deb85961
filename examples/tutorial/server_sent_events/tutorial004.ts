// Server-Sent Events: resume after the Last-Event-ID the browser sends when it reconnects.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { EventSourceResponse, FastAPI, Header, ServerSentEvent } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

const items = [
  { name: "Plumbus", price: 32.99 },
  { name: "Portal Gun", price: 999.99 },
  { name: "Meeseeks Box", price: 49.99 },
];

app.get(
  "/items/stream",
  { params: { last_event_id: Header(z.int().nullable().default(null)) }, responseClass: EventSourceResponse },
  async function* streamItems({ last_event_id }): AsyncGenerator<ServerSentEvent> {
    const start = last_event_id !== null ? last_event_id + 1 : 0;
    for (const [i, item] of items.entries()) {
      if (i < start) {
        continue;
      }
      yield new ServerSentEvent({ data: item, id: String(i) });
    }
  },
);

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
