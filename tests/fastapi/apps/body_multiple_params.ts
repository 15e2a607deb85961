// Twin of tests/python/fastapi_apps/body_multiple_params.py (docs_src/body_multiple_params,
// tutorial001-005).
// Written in a kit's schemas (tests/fastapi/kits): the same app with zod, valibot or arktype.
import { Body, FastAPI, Path, Query } from "../../../src/fastapi/index.js";
import type { Kit } from "../kits/kit.js";
import { zodKit } from "../kits/zod.js";

export function makeApp(s: Kit): FastAPI {
  const app = new FastAPI();

  const Item = s.object({
    name: s.string(),
    description: s.orNone(s.string()),
    price: s.number(),
    tax: s.orNone(s.number()),
  }, "Item");

  const User = s.object({
    username: s.string(),
    full_name: s.orNone(s.string()),
  }, "User");

  // tutorial001: an optional body beside path and query parameters
  app.put(
    "/t001/items/{item_id}",
    {
      params: {
        item_id: Path(s.int(), { title: "The ID of the item to get", ge: 0, le: 1000 }),
        q: Query(s.orNone(s.string())),
        item: Body(s.orNone(Item)),
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
  app.put("/t002/items/{item_id}", { params: { item_id: Path(s.int()), item: Body(Item), user: Body(User) } }, async function updateItem002({ item_id, item, user }) {
    const results = { item_id, item, user };
    return results;
  });

  // tutorial003: a singular value in the body
  app.put(
    "/t003/items/{item_id}",
    { params: { item_id: Path(s.int()), item: Body(Item), user: Body(User), importance: Body(s.int()) } },
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
        item_id: Path(s.int()),
        item: Body(Item),
        user: Body(User),
        importance: Body(s.int(), { gt: 0 }),
        q: Query(s.orNone(s.string())),
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
  app.put("/t005/items/{item_id}", { params: { item_id: Path(s.int()), item: Body(Item, { embed: true }) } }, async function updateItem005({ item_id, item }) {
    const results = { item_id, item };
    return results;
  });

  return app;
}

export const app = makeApp(zodKit);
