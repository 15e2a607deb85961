// Twin of tests/python/fastapi_apps/path_params_numeric_validations.py
// (docs_src/path_params_numeric_validations, tutorial001-006).
// Written in a kit's schemas (tests/fastapi/kits): the same app with zod, valibot or arktype.
import { FastAPI, Path, Query } from "../../../src/fastapi/index.js";
import type { Kit } from "../kits/kit.js";
import { zodKit } from "../kits/zod.js";

export function makeApp(s: Kit): FastAPI {
  const app = new FastAPI();

  app.get(
    "/t001/items/{item_id}",
    { params: { item_id: Path(s.int(), { title: "The ID of the item to get" }), q: Query(s.orNone(s.string()), { alias: "item-query" }) } },
    async function readItems001({ item_id, q }) {
      const results: Record<string, unknown> = { item_id };
      if (q) {
        Object.assign(results, { q });
      }
      return results;
    },
  );

  app.get(
    "/t002/items/{item_id}",
    { params: { q: Query(s.string()), item_id: Path(s.int(), { title: "The ID of the item to get" }) } },
    async function readItems002({ q, item_id }) {
      const results: Record<string, unknown> = { item_id };
      if (q) {
        Object.assign(results, { q });
      }
      return results;
    },
  );

  app.get(
    "/t003/items/{item_id}",
    { params: { item_id: Path(s.int(), { title: "The ID of the item to get" }), q: Query(s.string()) } },
    async function readItems003({ item_id, q }) {
      const results: Record<string, unknown> = { item_id };
      if (q) {
        Object.assign(results, { q });
      }
      return results;
    },
  );

  app.get(
    "/t004/items/{item_id}",
    { params: { item_id: Path(s.int(), { title: "The ID of the item to get", ge: 1 }), q: Query(s.string()) } },
    async function readItems004({ item_id, q }) {
      const results: Record<string, unknown> = { item_id };
      if (q) {
        Object.assign(results, { q });
      }
      return results;
    },
  );

  app.get(
    "/t005/items/{item_id}",
    { params: { item_id: Path(s.int(), { title: "The ID of the item to get", gt: 0, le: 1000 }), q: Query(s.string()) } },
    async function readItems005({ item_id, q }) {
      const results: Record<string, unknown> = { item_id };
      if (q) {
        Object.assign(results, { q });
      }
      return results;
    },
  );

  app.get(
    "/t006/items/{item_id}",
    {
      params: {
        item_id: Path(s.int(), { title: "The ID of the item to get", ge: 0, le: 1000 }),
        q: Query(s.string()),
        size: Query(s.number(), { gt: 0, lt: 10.5 }),
      },
    },
    async function readItems006({ item_id, q, size }) {
      const results: Record<string, unknown> = { item_id };
      if (q) {
        Object.assign(results, { q });
      }
      if (size) {
        Object.assign(results, { size });
      }
      return results;
    },
  );

  return app;
}

export const app = makeApp(zodKit);
