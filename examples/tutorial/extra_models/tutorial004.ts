// Extra Models: a list of models as the response.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

const Item = z.object({
  name: z.string(),
  description: z.string(),
});

const items = [
  { name: "Foo", description: "There comes my hero" },
  { name: "Red", description: "It's my aeroplane" },
];

app.get("/items/", { responseModel: z.array(Item) }, async function readItems() {
  return items;
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
