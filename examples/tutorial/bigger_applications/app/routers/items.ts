// Bigger Applications: app/routers/items.ts, a router with a prefix, tags, responses and a
// dependency shared by all its path operations.
import { APIRouter, HTTPException, Path } from "starlette-ts/fastapi";
import * as z from "zod";
import { TokenHeaderDep } from "../dependencies.js";

export const router = new APIRouter({
  prefix: "/items",
  tags: ["items"],
  dependencies: [TokenHeaderDep],
  responses: { 404: { description: "Not found" } },
});

const fakeItemsDb: Record<string, { name: string }> = { plumbus: { name: "Plumbus" }, gun: { name: "Portal Gun" } };

router.get("/", async function readItems() {
  return fakeItemsDb;
});

router.get("/{item_id}", { params: { item_id: Path(z.string()) } }, async function readItem({ item_id }) {
  if (!(item_id in fakeItemsDb)) {
    throw new HTTPException(404, "Item not found");
  }
  return { name: fakeItemsDb[item_id].name, item_id };
});

router.put(
  "/{item_id}",
  { params: { item_id: Path(z.string()) }, tags: ["custom"], responses: { 403: { description: "Operation forbidden" } } },
  async function updateItem({ item_id }) {
    if (item_id !== "plumbus") {
      throw new HTTPException(403, "You can only update the item: plumbus");
    }
    return { item_id, name: "The great Plumbus" };
  },
);
