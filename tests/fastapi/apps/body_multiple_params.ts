// Twin of tests/python/fastapi_apps/body_multiple_params.py (docs_src/body_multiple_params,
// tutorial001-005).
import * as z from "zod";
import { Body, FastAPI, Path, Query } from "../../../src/fastapi/index.js";

export const app = new FastAPI();

const Item = z.object({
  name: z.string(),
  description: z.string().nullable().default(null),
  price: z.number(),
  tax: z.number().nullable().default(null),
});

const User = z.object({
  username: z.string(),
  full_name: z.string().nullable().default(null),
});

// tutorial001: an optional body beside path and query parameters
app.put(
  "/t001/items/{item_id}",
  {
    params: {
      item_id: Path(z.int(), { title: "The ID of the item to get", ge: 0, le: 1000 }),
      q: Query(z.string().nullable().default(null)),
      item: Body(Item.nullable().default(null)),
    },
  },
  async function updateItem001({ item_id, q, item }) {
    const results: Record<string, unknown> = { item_id };
    if (q) {
      Object.assign(results, { q });
    }
    if (item) {
      Object.assign(results, { item });
    }
    return results;
  },
);

// tutorial002: two bodies, each under its name
app.put("/t002/items/{item_id}", { params: { item_id: Path(z.int()), item: Body(Item), user: Body(User) } }, async function updateItem002({ item_id, item, user }) {
  const results = { item_id, item, user };
  return results;
});

// tutorial003: a singular value in the body
app.put(
  "/t003/items/{item_id}",
  { params: { item_id: Path(z.int()), item: Body(Item), user: Body(User), importance: Body(z.int()) } },
  async function updateItem003({ item_id, item, user, importance }) {
    const results = { item_id, item, user, importance };
    return results;
  },
);

// tutorial004: a constrained singular body value and a query
app.put(
  "/t004/items/{item_id}",
  {
    params: {
      item_id: Path(z.int()),
      item: Body(Item),
      user: Body(User),
      importance: Body(z.int(), { gt: 0 }),
      q: Query(z.string().nullable().default(null)),
    },
  },
  async function updateItem004({ item_id, item, user, importance, q }) {
    const results: Record<string, unknown> = { item_id, item, user, importance };
    if (q) {
      Object.assign(results, { q });
    }
    return results;
  },
);

// tutorial005: one body, embedded under its name
app.put("/t005/items/{item_id}", { params: { item_id: Path(z.int()), item: Body(Item, { embed: true }) } }, async function updateItem005({ item_id, item }) {
  const results = { item_id, item };
  return results;
});
