// Generating SDKs: models for what each path operation receives and returns, for a client generator to read.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { Body, FastAPI } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

const Item = z.object({ name: z.string(), price: z.number() }).meta({ id: "Item" });

const ResponseMessage = z.object({ message: z.string() }).meta({ id: "ResponseMessage" });

app.post("/items/", { params: { item: Body(Item) }, responseModel: ResponseMessage }, async function createItem() {
  return { message: "item received" };
});

app.get("/items/", { responseModel: z.array(Item) }, async function getItems() {
  return [
    { name: "Plumbus", price: 3 },
    { name: "Portal Gun", price: 9001 },
  ];
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
