// Extra Models: a response that is one model or another (a union, anyOf in JSON Schema).
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI, Path } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

const BaseItem = z.object({
  description: z.string(),
  type: z.string(),
});

const CarItem = BaseItem.extend({
  type: z.string().default("car"),
});

const PlaneItem = BaseItem.extend({
  type: z.string().default("plane"),
  size: z.int(),
});

const items: Record<string, Record<string, unknown>> = {
  item1: { description: "All my friends drive a low rider", type: "car" },
  item2: { description: "Music is my aeroplane, it's my aeroplane", type: "plane", size: 5 },
};

app.get("/items/{item_id}", { params: { item_id: Path(z.string()) }, responseModel: z.union([PlaneItem, CarItem]) }, async function readItem({ item_id }) {
  return items[item_id];
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
