// TS twin of tests/python/fastapi_apps/bigger_applications.py (docs_src/bigger_applications/
// app_an_py310: main.py, dependencies.py, routers/users.py, routers/items.py, internal/admin.py)
// in one module.
import * as z from "zod";
import { APIRouter, Depends, FastAPI, HTTPException, Header, Path, Query } from "../../../src/fastapi/index.js";

// dependencies.py
async function getTokenHeader({ x_token }: { x_token: string }) {
  if (x_token !== "fake-super-secret-token") {
    throw new HTTPException(400, "X-Token header invalid");
  }
}

async function getQueryToken({ token }: { token: string }) {
  if (token !== "jessica") {
    throw new HTTPException(400, "No Jessica token provided");
  }
}

const tokenHeader = Depends(getTokenHeader, { params: { x_token: Header(z.string()) } });
const queryToken = Depends(getQueryToken, { params: { token: Query(z.string()) } });

// routers/users.py
const users_router = new APIRouter();

users_router.get("/users/", { tags: ["users"] }, async function readUsers() {
  return [{ username: "Rick" }, { username: "Morty" }];
});

users_router.get("/users/me", { tags: ["users"] }, async function readUserMe() {
  return { username: "fakecurrentuser" };
});

users_router.get("/users/{username}", { tags: ["users"], params: { username: Path(z.string()) } }, async function readUser({ username }) {
  return { username: username };
});

// routers/items.py
const items_router = new APIRouter({
  prefix: "/items",
  tags: ["items"],
  dependencies: [tokenHeader],
  responses: { 404: { description: "Not found" } },
});

const fake_items_db: Record<string, { name: string }> = { plumbus: { name: "Plumbus" }, gun: { name: "Portal Gun" } };

items_router.get("/", async function readItems() {
  return fake_items_db;
});

items_router.get("/{item_id}", { params: { item_id: Path(z.string()) } }, async function readItem({ item_id }) {
  if (!(item_id in fake_items_db)) {
    throw new HTTPException(404, "Item not found");
  }
  return { name: fake_items_db[item_id].name, item_id: item_id };
});

items_router.put(
  "/{item_id}",
  { params: { item_id: Path(z.string()) }, tags: ["custom"], responses: { 403: { description: "Operation forbidden" } } },
  async function updateItem({ item_id }) {
    if (item_id !== "plumbus") {
      throw new HTTPException(403, "You can only update the item: plumbus");
    }
    return { item_id: item_id, name: "The great Plumbus" };
  },
);

// internal/admin.py
const admin_router = new APIRouter();

admin_router.post("/", async function updateAdmin() {
  return { message: "Admin getting schwifty" };
});

// main.py
export const app = new FastAPI({ dependencies: [queryToken] });

app.includeRouter(users_router);
app.includeRouter(items_router);
app.includeRouter(admin_router, {
  prefix: "/admin",
  tags: ["admin"],
  dependencies: [tokenHeader],
  responses: { 418: { description: "I'm a teapot" } },
});

app.get("/", async function root() {
  return { message: "Hello Bigger Applications!" };
});
