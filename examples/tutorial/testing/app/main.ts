// Testing: app/main.ts, the extended app that test_main.ts tests.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { Body, FastAPI, HTTPException, Header, Path } from "starlette-ts/fastapi";
import * as z from "zod";

const fakeSecretToken = "coneofsilence";

const fakeDb: Record<string, Item> = {
  foo: { id: "foo", title: "Foo", description: "There goes my hero" },
  bar: { id: "bar", title: "Bar", description: "The bartenders" },
};

export const app = new FastAPI();

const Item = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable().default(null),
});
type Item = z.infer<typeof Item>;

app.get(
  "/items/{item_id}",
  { params: { item_id: Path(z.string()), x_token: Header(z.string()) }, responseModel: Item },
  async function readMain({ item_id, x_token }) {
    if (x_token !== fakeSecretToken) {
      throw new HTTPException(400, "Invalid X-Token header");
    }
    if (!(item_id in fakeDb)) {
      throw new HTTPException(404, "Item not found");
    }
    return fakeDb[item_id];
  },
);

app.post("/items/", { params: { item: Body(Item), x_token: Header(z.string()) }, responseModel: Item }, async function createItem({ item, x_token }) {
  if (x_token !== fakeSecretToken) {
    throw new HTTPException(400, "Invalid X-Token header");
  }
  if (item.id in fakeDb) {
    throw new HTTPException(409, "Item already exists");
  }
  fakeDb[item.id] = item;
  return item;
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
