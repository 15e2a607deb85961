// TS twin of tests/python/fastapi_apps/stream_json_lines.py (docs_src/stream_json_lines,
// tutorial001). A generator path operation streams application/jsonl; Python's return
// annotation `AsyncIterable[Item]` becomes `responseModel: Item`, checked on each item.
import * as z from "zod";
import { FastAPI, Query } from "../../../src/fastapi/index.js";

export const app = new FastAPI();

const Item = z.object({
  name: z.string(),
  description: z.string().nullable(),
}).meta({ id: "Item" });

const items: Array<z.infer<typeof Item>> = [
  Item.parse({ name: "Plumbus", description: "A multi-purpose household device." }),
  Item.parse({ name: "Portal Gun", description: "A portal opening device." }),
  Item.parse({ name: "Meeseeks Box", description: "A box that summons a Meeseeks." }),
];

app.get("/items/stream", { responseModel: Item }, async function* streamItems() {
  for (const item of items) {
    yield item;
  }
});

app.get("/items/stream-no-async", { responseModel: Item }, function* streamItemsNoAsync() {
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

// Not in the docs: objects validated against the model, the second one invalid
app.get("/items/stream-invalid", { responseModel: Item }, async function* streamItemsInvalid() {
  yield { name: "Plumbus", description: null };
  yield { name: "Portal Gun" };
});

// Not in the docs: a query parameter, validated before anything streams
app.get("/items/stream-limit", { responseModel: Item, params: { limit: Query(z.int().default(3)) } }, async function* streamItemsLimit({ limit }) {
  for (const item of items.slice(0, limit)) {
    yield item;
  }
});
