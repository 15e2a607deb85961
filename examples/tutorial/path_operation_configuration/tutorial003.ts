// Path Operation Configuration: tags kept in an enum, so every path operation spells them alike.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI } from "starlette-ts/fastapi";

export const app = new FastAPI();

enum Tags {
  items = "items",
  users = "users",
}

app.get("/items/", { tags: [Tags.items] }, async function getItems() {
  return ["Portal gun", "Plumbus"];
});

app.get("/users/", { tags: [Tags.users] }, async function readUsers() {
  return ["Rick", "Morty"];
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
