// Twin of tests/python/fastapi_apps/path_params_numeric_validations.py
// (docs_src/path_params_numeric_validations, tutorial001-006).
import * as z from "zod";
import { FastAPI, Path, Query } from "../../../src/fastapi/index.js";

export const app = new FastAPI();

app.get(
  "/t001/items/{item_id}",
  { params: { item_id: Path(z.int(), { title: "The ID of the item to get" }), q: Query(z.string().nullable().default(null), { alias: "item-query" }) } },
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
  { params: { q: Query(z.string()), item_id: Path(z.int(), { title: "The ID of the item to get" }) } },
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
  { params: { item_id: Path(z.int(), { title: "The ID of the item to get" }), q: Query(z.string()) } },
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
  { params: { item_id: Path(z.int(), { title: "The ID of the item to get", ge: 1 }), q: Query(z.string()) } },
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
  { params: { item_id: Path(z.int(), { title: "The ID of the item to get", gt: 0, le: 1000 }), q: Query(z.string()) } },
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
      item_id: Path(z.int(), { title: "The ID of the item to get", ge: 0, le: 1000 }),
      q: Query(z.string()),
      size: Query(z.number(), { gt: 0, lt: 10.5 }),
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
