// Path Operation Configuration: a path operation marked as deprecated, still served.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI } from "starlette-ts/fastapi";

export const app = new FastAPI();

app.get("/items/", { tags: ["items"] }, async function readItems() {
  return [{ name: "Foo", price: 42 }];
});

app.get("/users/", { tags: ["users"] }, async function readUsers() {
  return [{ username: "johndoe" }];
});

app.get("/elements/", { tags: ["items"], deprecated: true }, async function readElements() {
  return [{ item_id: "Foo" }];
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
