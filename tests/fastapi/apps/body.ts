// Twin of tests/python/fastapi_apps/body.py (docs_src/body tutorial001-004, and
// docs_src/strict_content_type as a router on /lenient), written in a kit's schemas
// (tests/fastapi/kits): the same app with zod, valibot or arktype.
import { APIRouter, Body, FastAPI, Path, Query } from "../../../src/fastapi/index.js";
import type { Kit } from "../kits/kit.js";
import { zodKit } from "../kits/zod.js";

export function makeApp(s: Kit): FastAPI {
  const Item = s.object({
    name: s.string(),
    description: s.orNone(s.string()),
    price: s.number(),
    tax: s.orNone(s.number()),
  }, "Item");

  const app = new FastAPI();

  // tutorial001
  app.post("/items/", { params: { item: Body(Item) } }, async function createItem({ item }) {
    return item;
  });

  // tutorial002
  app.post("/t002/items/", { params: { item: Body(Item) } }, async function createItem002({ item }) {
    const itemDict: Record<string, unknown> = { ...item };
    if (item.tax !== null) {
      const priceWithTax = item.price + item.tax;
      Object.assign(itemDict, { price_with_tax: priceWithTax });
    }
    return itemDict;
  });

  // tutorial003
  app.put("/items/{item_id}", { params: { item_id: Path(s.int()), item: Body(Item) } }, async function updateItem({ item_id, item }) {
    return { item_id, ...item };
  });

  // tutorial004
  app.put(
    "/t004/items/{item_id}",
    { params: { item_id: Path(s.int()), item: Body(Item), q: Query(s.orNone(s.string())) } },
    async function updateItem004({ item_id, item, q }) {
      const result: Record<string, unknown> = { item_id, ...item };
      if (q) {
        Object.assign(result, { q });
      }
      return result;
    },
  );

  // strict_content_type/tutorial001: a JSON body without a content-type is read as JSON
  const LenientItem = s.object({
    name: s.string(),
    price: s.number(),
  }, "LenientItem");

  const lenient = new APIRouter({ prefix: "/lenient", strictContentType: false });

  lenient.post("/items/", { params: { item: Body(LenientItem) } }, async function createLenientItem({ item }) {
    return item;
  });

  app.includeRouter(lenient);

  return app;
}

export const app = makeApp(zodKit);
