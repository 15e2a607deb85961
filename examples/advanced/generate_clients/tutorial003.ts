// Generating SDKs: operation IDs made of the first tag and the function's name, for shorter client method names.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { type APIRoute, Body, FastAPI } from "starlette-ts/fastapi";
import * as z from "zod";

function customGenerateUniqueId(route: APIRoute) {
  return `${route.tags[0]}-${route.name}`;
}

export const app = new FastAPI({ generateUniqueIdFunction: customGenerateUniqueId });

const Item = z.object({ name: z.string(), price: z.number() }).meta({ id: "Item" });

const ResponseMessage = z.object({ message: z.string() }).meta({ id: "ResponseMessage" });

const User = z.object({ username: z.string(), email: z.string() }).meta({ id: "User" });

app.post("/items/", { params: { item: Body(Item) }, responseModel: ResponseMessage, tags: ["items"] }, async function createItem() {
  return { message: "Item received" };
});

app.get("/items/", { responseModel: z.array(Item), tags: ["items"] }, async function getItems() {
  return [
    { name: "Plumbus", price: 3 },
    { name: "Portal Gun", price: 9001 },
  ];
});

app.post("/users/", { params: { user: Body(User) }, responseModel: ResponseMessage, tags: ["users"] }, async function createUser() {
  return { message: "User received" };
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
