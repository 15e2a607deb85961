// Extra Models: a record of arbitrary keys as the response, typed by its keys and values only.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

app.get("/keyword-weights/", { responseModel: z.record(z.string(), z.number()) }, async function readKeywordWeights() {
  return { foo: 2.3, bar: 3.4 };
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
