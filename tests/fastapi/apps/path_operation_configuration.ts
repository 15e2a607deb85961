// TS twin of tests/python/fastapi_apps/path_operation_configuration.py
// (docs_src/path_operation_configuration, tutorial001-006, 002b). Tags, summaries,
// descriptions and deprecation show only in /openapi.json.
import * as z from "zod";
import { Body, FastAPI, status } from "../../../src/fastapi/index.js";

export const app = new FastAPI();

const Item = z.object({
  name: z.string(),
  description: z.string().nullable().default(null),
  price: z.number(),
  tax: z.number().nullable().default(null),
  // Python's set[str]: duplicates dropped, first occurrence first (an overwrite, which keeps
  // the type and so its JSON Schema, where a transform would have none), documented as unique items.
  tags: z
    .array(z.string())
    .default([])
    .overwrite((tags) => [...new Set(tags)])
    .meta({ uniqueItems: true }),
}).meta({ id: "Item" });

// tutorial001: statusCode
app.post("/t001/items/", { params: { item: Body(Item) }, responseModel: Item, statusCode: status.HTTP_201_CREATED }, async function createItem001({ item }) {
  return item;
});

// tutorial002: tags
app.post("/t002/items/", { params: { item: Body(Item) }, responseModel: Item, tags: ["items"] }, async function createItem002({ item }) {
  return item;
});

app.get("/t002/items/", { tags: ["items"] }, async function readItems002() {
  return [{ name: "Foo", price: 42 }];
});

app.get("/t002/users/", { tags: ["users"] }, async function readUsers002() {
  return [{ username: "johndoe" }];
});

// tutorial002b: tags from an enum
enum Tags {
  items = "items",
  users = "users",
}

app.get("/t002b/items/", { tags: [Tags.items] }, async function getItems002b() {
  return ["Portal gun", "Plumbus"];
});

app.get("/t002b/users/", { tags: [Tags.users] }, async function readUsers002b() {
  return ["Rick", "Morty"];
});

// tutorial003: summary and description
app.post(
  "/t003/items/",
  {
    params: { item: Body(Item) },
    responseModel: Item,
    summary: "Create an item",
    description: "Create an item with all the information, name, description, price, tax and a set of unique tags",
  },
  async function createItem003({ item }) {
    return item;
  },
);

// tutorial004: description from the docstring (a function has none here: it is given as `description`)
const createItemDescription = `Create an item with all the information:

- **name**: each item must have a name
- **description**: a long description
- **price**: required
- **tax**: if the item doesn't have tax, you can omit this
- **tags**: a set of unique tag strings for this item`;

app.post(
  "/t004/items/",
  { params: { item: Body(Item) }, responseModel: Item, summary: "Create an item", description: createItemDescription },
  async function createItem004({ item }) {
    return item;
  },
);

// tutorial005: responseDescription
app.post(
  "/t005/items/",
  { params: { item: Body(Item) }, responseModel: Item, summary: "Create an item", description: createItemDescription, responseDescription: "The created item" },
  async function createItem005({ item }) {
    return item;
  },
);

// tutorial006: deprecated
app.get("/t006/items/", { tags: ["items"] }, async function readItems006() {
  return [{ name: "Foo", price: 42 }];
});

app.get("/t006/users/", { tags: ["users"] }, async function readUsers006() {
  return [{ username: "johndoe" }];
});

app.get("/t006/elements/", { tags: ["items"], deprecated: true }, async function readElements006() {
  return [{ item_id: "Foo" }];
});
