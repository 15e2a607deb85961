// Twin of tests/python/fastapi_apps/body_nested_models.py (docs_src/body_nested_models,
// tutorial001-009). Python's set[str] is an array made a Set (jsonableEncoder lists it);
// HttpUrl is zod's httpUrl, normalised as pydantic normalises it.
import * as z from "zod";
import { Body, FastAPI, Path } from "../../../src/fastapi/index.js";

export const app = new FastAPI();

// tutorial001: a list of anything
const Item001 = z.object({
  name: z.string(),
  description: z.string().nullable().default(null),
  price: z.number(),
  tax: z.number().nullable().default(null),
  tags: z.array(z.unknown()).default([]),
});

app.put("/t001/items/{item_id}", { params: { item_id: Path(z.int()), item: Body(Item001) } }, async function updateItem001({ item_id, item }) {
  const results = { item_id, item };
  return results;
});

// tutorial002: a list of strings
const Item002 = z.object({
  name: z.string(),
  description: z.string().nullable().default(null),
  price: z.number(),
  tax: z.number().nullable().default(null),
  tags: z.array(z.string()).default([]),
});

app.put("/t002/items/{item_id}", { params: { item_id: Path(z.int()), item: Body(Item002) } }, async function updateItem002({ item_id, item }) {
  const results = { item_id, item };
  return results;
});

// tutorial003: a set of strings
const Item003 = z.object({
  name: z.string(),
  description: z.string().nullable().default(null),
  price: z.number(),
  tax: z.number().nullable().default(null),
  tags: z.array(z.string()).default([]).transform((tags) => new Set(tags)),
});

app.put("/t003/items/{item_id}", { params: { item_id: Path(z.int()), item: Body(Item003) } }, async function updateItem003({ item_id, item }) {
  const results = { item_id, item };
  return results;
});

// tutorial004: a nested model
const Image004 = z.object({
  url: z.string(),
  name: z.string(),
});

const Item004 = z.object({
  name: z.string(),
  description: z.string().nullable().default(null),
  price: z.number(),
  tax: z.number().nullable().default(null),
  tags: z.array(z.string()).default([]).transform((tags) => new Set(tags)),
  image: Image004.nullable().default(null),
});

app.put("/t004/items/{item_id}", { params: { item_id: Path(z.int()), item: Body(Item004) } }, async function updateItem004({ item_id, item }) {
  const results = { item_id, item };
  return results;
});

// tutorial005: HttpUrl
const Image = z.object({
  url: z.httpUrl({ normalize: true }),
  name: z.string(),
});

const Item005 = z.object({
  name: z.string(),
  description: z.string().nullable().default(null),
  price: z.number(),
  tax: z.number().nullable().default(null),
  tags: z.array(z.string()).default([]).transform((tags) => new Set(tags)),
  image: Image.nullable().default(null),
});

app.put("/t005/items/{item_id}", { params: { item_id: Path(z.int()), item: Body(Item005) } }, async function updateItem005({ item_id, item }) {
  const results = { item_id, item };
  return results;
});

// tutorial006: a list of nested models
const Item = z.object({
  name: z.string(),
  description: z.string().nullable().default(null),
  price: z.number(),
  tax: z.number().nullable().default(null),
  tags: z.array(z.string()).default([]).transform((tags) => new Set(tags)),
  images: z.array(Image).nullable().default(null),
});

app.put("/t006/items/{item_id}", { params: { item_id: Path(z.int()), item: Body(Item) } }, async function updateItem006({ item_id, item }) {
  const results = { item_id, item };
  return results;
});

// tutorial007: deeply nested
const Offer = z.object({
  name: z.string(),
  description: z.string().nullable().default(null),
  price: z.number(),
  items: z.array(Item),
});

app.post("/offers/", { params: { offer: Body(Offer) } }, async function createOffer({ offer }) {
  return offer;
});

// tutorial008: a list as the whole body
app.post("/images/multiple/", { params: { images: Body(z.array(Image)) } }, async function createMultipleImages({ images }) {
  return images;
});

// tutorial009: a dict with int keys
app.post("/index-weights/", { params: { weights: Body(z.record(z.int(), z.number())) } }, async function createIndexWeights({ weights }) {
  return weights;
});
