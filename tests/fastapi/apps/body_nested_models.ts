// Twin of tests/python/fastapi_apps/body_nested_models.py (docs_src/body_nested_models,
// tutorial001-009), written in a kit's schemas (tests/fastapi/kits): the same app with zod,
// valibot or arktype. Python's set[str] is a Set once validated (jsonableEncoder lists it);
// HttpUrl is the kit's httpUrl, normalised as pydantic normalises it.
import { Body, FastAPI, Path } from "../../../src/fastapi/index.js";
import type { Kit } from "../kits/kit.js";
import { zodKit } from "../kits/zod.js";

export function makeApp(s: Kit): FastAPI {
  const app = new FastAPI();

  // tutorial001: a list of anything
  const Item001 = s.object({
    name: s.string(),
    description: s.orNone(s.string()),
    price: s.number(),
    tax: s.orNone(s.number()),
    tags: s.withDefault(s.array(s.unknown()), []),
  }, "Item001");

  app.put("/t001/items/{item_id}", { params: { item_id: Path(s.int()), item: Body(Item001) } }, async function updateItem001({ item_id, item }) {
    const results = { item_id, item };
    return results;
  });

  // tutorial002: a list of strings
  const Item002 = s.object({
    name: s.string(),
    description: s.orNone(s.string()),
    price: s.number(),
    tax: s.orNone(s.number()),
    tags: s.withDefault(s.array(s.string()), []),
  }, "Item002");

  app.put("/t002/items/{item_id}", { params: { item_id: Path(s.int()), item: Body(Item002) } }, async function updateItem002({ item_id, item }) {
    const results = { item_id, item };
    return results;
  });

  // tutorial003: a set of strings
  const Item003 = s.object({
    name: s.string(),
    description: s.orNone(s.string()),
    price: s.number(),
    tax: s.orNone(s.number()),
    tags: s.withDefault(s.set(s.string()), new Set()),
  }, "Item003");

  app.put("/t003/items/{item_id}", { params: { item_id: Path(s.int()), item: Body(Item003) } }, async function updateItem003({ item_id, item }) {
    const results = { item_id, item };
    return results;
  });

  // tutorial004: a nested model
  const Image004 = s.object({
    url: s.string(),
    name: s.string(),
  }, "Image004");

  const Item004 = s.object({
    name: s.string(),
    description: s.orNone(s.string()),
    price: s.number(),
    tax: s.orNone(s.number()),
    tags: s.withDefault(s.set(s.string()), new Set()),
    image: s.orNone(Image004),
  }, "Item004");

  app.put("/t004/items/{item_id}", { params: { item_id: Path(s.int()), item: Body(Item004) } }, async function updateItem004({ item_id, item }) {
    const results = { item_id, item };
    return results;
  });

  // tutorial005: HttpUrl
  const Image = s.object({
    url: s.httpUrl(),
    name: s.string(),
  }, "Image");

  const Item005 = s.object({
    name: s.string(),
    description: s.orNone(s.string()),
    price: s.number(),
    tax: s.orNone(s.number()),
    tags: s.withDefault(s.set(s.string()), new Set()),
    image: s.orNone(Image),
  }, "Item005");

  app.put("/t005/items/{item_id}", { params: { item_id: Path(s.int()), item: Body(Item005) } }, async function updateItem005({ item_id, item }) {
    const results = { item_id, item };
    return results;
  });

  // tutorial006: a list of nested models
  const Item = s.object({
    name: s.string(),
    description: s.orNone(s.string()),
    price: s.number(),
    tax: s.orNone(s.number()),
    tags: s.withDefault(s.set(s.string()), new Set()),
    images: s.orNone(s.array(Image)),
  }, "Item");

  app.put("/t006/items/{item_id}", { params: { item_id: Path(s.int()), item: Body(Item) } }, async function updateItem006({ item_id, item }) {
    const results = { item_id, item };
    return results;
  });

  // tutorial007: deeply nested
  const Offer = s.object({
    name: s.string(),
    description: s.orNone(s.string()),
    price: s.number(),
    items: s.array(Item),
  }, "Offer");

  app.post("/offers/", { params: { offer: Body(Offer) } }, async function createOffer({ offer }) {
    return offer;
  });

  // tutorial008: a list as the whole body
  app.post("/images/multiple/", { params: { images: Body(s.array(Image)) } }, async function createMultipleImages({ images }) {
    return images;
  });

  // tutorial009: a dict with int keys
  app.post("/index-weights/", { params: { weights: Body(s.record("int", s.number())) } }, async function createIndexWeights({ weights }) {
    return weights;
  });

  return app;
}

export const app = makeApp(zodKit);
