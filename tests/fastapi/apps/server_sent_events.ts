// TS twin of tests/python/fastapi_apps/server_sent_events.py (docs_src/server_sent_events,
// tutorial001-005). Python's return annotation `AsyncIterable[Item]` becomes
// `responseModel: Item`; `AsyncIterable[ServerSentEvent]` needs none.
import * as z from "zod";
import { Body, EventSourceResponse, FastAPI, Header, ServerSentEvent } from "../../../src/fastapi/index.js";

export const app = new FastAPI();

// tutorial001: items as events
const Item = z.object({
  name: z.string(),
  description: z.string().nullable(),
}).meta({ id: "Item" });

const items: Array<z.infer<typeof Item>> = [
  Item.parse({ name: "Plumbus", description: "A multi-purpose household device." }),
  Item.parse({ name: "Portal Gun", description: "A portal opening device." }),
  Item.parse({ name: "Meeseeks Box", description: "A box that summons a Meeseeks." }),
];

app.get("/items/stream", { responseClass: EventSourceResponse, responseModel: Item }, async function* sseItems() {
  for (const item of items) {
    yield item;
  }
});

app.get("/items/stream-no-async", { responseClass: EventSourceResponse, responseModel: Item }, function* sseItemsNoAsync() {
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

// tutorial002: ServerSentEvent with comment, event, id and retry
const PricedItem = z.object({
  name: z.string(),
  price: z.number(),
}).meta({ id: "PricedItem" });

const priced_items: Array<z.infer<typeof PricedItem>> = [
  PricedItem.parse({ name: "Plumbus", price: 32.99 }),
  PricedItem.parse({ name: "Portal Gun", price: 999.99 }),
  PricedItem.parse({ name: "Meeseeks Box", price: 49.99 }),
];

app.get("/t002/items/stream", { responseClass: EventSourceResponse }, async function* streamItems002() {
  yield new ServerSentEvent({ comment: "stream of item updates" });
  for (const [i, item] of priced_items.entries()) {
    yield new ServerSentEvent({ data: item, event: "item_update", id: String(i + 1), retry: 5000 });
  }
});

// tutorial003: rawData
app.get("/logs/stream", { responseClass: EventSourceResponse }, async function* streamLogs() {
  const logs = ["2025-01-01 INFO  Application started", "2025-01-01 DEBUG Connected to database", "2025-01-01 WARN  High memory usage detected"];
  for (const log_line of logs) {
    yield new ServerSentEvent({ rawData: log_line });
  }
});

// tutorial004: resuming from Last-Event-ID
app.get(
  "/t004/items/stream",
  { responseClass: EventSourceResponse, params: { last_event_id: Header(z.int().nullable().default(null)) } },
  async function* streamItems004({ last_event_id }) {
    const start = last_event_id !== null ? last_event_id + 1 : 0;
    for (const [i, item] of priced_items.entries()) {
      if (i < start) {
        continue;
      }
      yield new ServerSentEvent({ data: item, id: String(i) });
    }
  },
);

// tutorial005: POST with a body
const Prompt = z.object({
  text: z.string(),
}).meta({ id: "Prompt" });

app.post("/chat/stream", { responseClass: EventSourceResponse, params: { prompt: Body(Prompt) } }, async function* streamChat({ prompt }) {
  // Python's str.split(): runs of whitespace, none at either end.
  const words = prompt.text.split(/\s+/).filter((word) => word !== "");
  for (const word of words) {
    yield new ServerSentEvent({ data: word, event: "token" });
  }
  yield new ServerSentEvent({ rawData: "[DONE]", event: "done" });
});

// Not in the docs: multi-line raw data and comments are split into one field per line
app.get("/multiline/stream", { responseClass: EventSourceResponse }, async function* streamMultiline() {
  yield new ServerSentEvent({ comment: "first\nsecond", rawData: "line 1\r\nline 2\rline 3" });
  yield new ServerSentEvent({ data: { text: "a\nb" }, event: "json" });
  yield new ServerSentEvent();
});
