// Twin of tests/python/fastapi_apps/query_params.py (docs_src/query_params, tutorial001-006),
// written in a kit's schemas (tests/fastapi/kits): the same app with zod, valibot or arktype.
import { FastAPI, Path, Query } from "../../../src/fastapi/index.js";
import type { Kit } from "../kits/kit.js";
import { zodKit } from "../kits/zod.js";

const fakeItemsDb = [{ item_name: "Foo" }, { item_name: "Bar" }, { item_name: "Baz" }];

export function makeApp(s: Kit): FastAPI {
  const app = new FastAPI();

  // tutorial001: defaults
  app.get(
    "/items/",
    { params: { skip: Query(s.withDefault(s.int(), 0)), limit: Query(s.withDefault(s.int(), 10)) } },
    async function readItems({ skip, limit }) {
      return fakeItemsDb.slice(skip, skip + limit);
    },
  );

  // tutorial002: optional
  app.get("/t002/items/{item_id}", { params: { item_id: Path(s.string()), q: Query(s.orNone(s.string())) } }, async function readItem002({ item_id, q }) {
    if (q) {
      return { item_id, q };
    }
    return { item_id };
  });

  // tutorial003: bool conversion
  app.get(
    "/t003/items/{item_id}",
    { params: { item_id: Path(s.string()), q: Query(s.orNone(s.string())), short: Query(s.withDefault(s.boolean(), false)) } },
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
    { params: { user_id: Path(s.int()), item_id: Path(s.string()), q: Query(s.orNone(s.string())), short: Query(s.withDefault(s.boolean(), false)) } },
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
  app.get("/t005/items/{item_id}", { params: { item_id: Path(s.string()), needy: Query(s.string()) } }, async function readUserItem005({ item_id, needy }) {
    const item = { item_id, needy };
    return item;
  });

  // tutorial006: required, default, optional
  app.get(
    "/t006/items/{item_id}",
    { params: { item_id: Path(s.string()), needy: Query(s.string()), skip: Query(s.withDefault(s.int(), 0)), limit: Query(s.orNone(s.int())) } },
    async function readUserItem006({ item_id, needy, skip, limit }) {
      const item = { item_id, needy, skip, limit };
      return item;
    },
  );

  return app;
}

export const app = makeApp(zodKit);
