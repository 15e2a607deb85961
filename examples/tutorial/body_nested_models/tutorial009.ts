// A dict with integer keys: JSON keys are strings, converted and checked as integers.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { Body, FastAPI } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

app.post("/index-weights/", { params: { weights: Body(z.record(z.int(), z.number())) } }, async function createIndexWeights({ weights }) {
  return weights;
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
