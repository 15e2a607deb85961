// TS twin of tests/python/fastapi_apps/body_updates.py (docs_src/body_updates,
// tutorial001-002), each with its own fake database, written in a kit's schemas
// (tests/fastapi/kits): the same app with zod, valibot or arktype.
import { Body, FastAPI, Path, jsonableEncoder } from "../../../src/fastapi/index.js";
import type { Infer, Kit } from "../kits/kit.js";
import { zodKit } from "../kits/zod.js";

function freshItems(): Record<string, unknown> {
  return {
    foo: { name: "Foo", price: 50.2 },
    bar: { name: "Bar", description: "The bartenders", price: 62, tax: 20.2 },
    baz: { name: "Baz", description: null, price: 50.2, tax: 10.5, tags: [] },
  };
}

export function makeApp(s: Kit): FastAPI {
  const app = new FastAPI();

  const Item = s.object({
    name: s.orNone(s.string()),
    description: s.orNone(s.string()),
    price: s.orNone(s.number()),
    tax: s.withDefault(s.number(), 10.5),
    tags: s.withDefault(s.array(s.string()), []),
  }, "Item");

  // tutorial001: PUT replaces. An unknown item_id gives undefined (Python: KeyError):
  // the response model refuses it, a 500 too.
  const items = freshItems();

  app.get("/items/{item_id}", { params: { item_id: Path(s.string()) }, responseModel: Item }, async function readItem({ item_id }) {
    return items[item_id];
  });

  app.put("/items/{item_id}", { params: { item_id: Path(s.string()), item: Body(Item) }, responseModel: Item }, async function updateItem({ item_id, item }) {
    const update_item_encoded = jsonableEncoder(item);
    items[item_id] = update_item_encoded;
    return update_item_encoded;
  });

  // tutorial002: PATCH with excludeUnset
  const items002 = freshItems();

  app.get("/t002/items/{item_id}", { params: { item_id: Path(s.string()) }, responseModel: Item }, async function readItem002({ item_id }) {
    return items002[item_id];
  });

  app.patch("/t002/items/{item_id}", { params: { item_id: Path(s.string()), item: Body(Item) }, responseModel: Item }, async function updateItem002({ item_id, item }) {
    const stored_item_data = items002[item_id];
    const stored_item_model = s.parse(Item, stored_item_data);
    // pydantic's item.model_dump(exclude_unset=True): only what the request sent.
    const update_data = jsonableEncoder(item, { excludeUnset: true }) as Partial<Infer<typeof Item>>;
    const updated_item = { ...stored_item_model, ...update_data };
    items002[item_id] = jsonableEncoder(updated_item);
    return updated_item;
  });

  return app;
}

export const app = makeApp(zodKit);
