// Twin of tests/python/fastapi_apps/query_params.py (docs_src/query_params, tutorial001-006).
import * as z from "zod";
import { FastAPI, Path, Query } from "../../../src/fastapi/index.js";

export const app = new FastAPI();

const fakeItemsDb = [{ item_name: "Foo" }, { item_name: "Bar" }, { item_name: "Baz" }];

// tutorial001: defaults
app.get("/items/", { params: { skip: Query(z.int().default(0)), limit: Query(z.int().default(10)) } }, async function readItems({ skip, limit }) {
  return fakeItemsDb.slice(skip, skip + limit);
});

// tutorial002: optional
app.get(
  "/t002/items/{item_id}",
  { params: { item_id: Path(z.string()), q: Query(z.string().nullable().default(null)) } },
  async function readItem002({ item_id, q }) {
    if (q) {
      return { item_id, q };
    }
    return { item_id };
  },
);

// tutorial003: bool conversion
app.get(
  "/t003/items/{item_id}",
  { params: { item_id: Path(z.string()), q: Query(z.string().nullable().default(null)), short: Query(z.boolean().default(false)) } },
  async function readItem003({ item_id, q, short }) {
    const item: Record<string, unknown> = { item_id };
    if (q) {
      Object.assign(item, { q });
    }
    if (!short) {
      Object.assign(item, { description: "This is an amazing item that has a long description" });
    }
    return item;
  },
);

// tutorial004: several path and query parameters
app.get(
  "/users/{user_id}/items/{item_id}",
  { params: { user_id: Path(z.int()), item_id: Path(z.string()), q: Query(z.string().nullable().default(null)), short: Query(z.boolean().default(false)) } },
  async function readUserItem({ user_id, item_id, q, short }) {
    const item: Record<string, unknown> = { item_id, owner_id: user_id };
    if (q) {
      Object.assign(item, { q });
    }
    if (!short) {
      Object.assign(item, { description: "This is an amazing item that has a long description" });
    }
    return item;
  },
);

// tutorial005: required
app.get("/t005/items/{item_id}", { params: { item_id: Path(z.string()), needy: Query(z.string()) } }, async function readUserItem005({ item_id, needy }) {
  const item = { item_id, needy };
  return item;
});

// tutorial006: required, default, optional
app.get(
  "/t006/items/{item_id}",
  { params: { item_id: Path(z.string()), needy: Query(z.string()), skip: Query(z.int().default(0)), limit: Query(z.int().nullable().default(null)) } },
  async function readUserItem006({ item_id, needy, skip, limit }) {
    const item = { item_id, needy, skip, limit };
    return item;
  },
);
