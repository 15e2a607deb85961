// Handling Errors: the body that failed validation, sent back beside the errors.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { Body, FastAPI, JSONResponse, RequestValidationError, jsonableEncoder } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

app.exceptionHandler(RequestValidationError)(async function validationExceptionHandler(request, exc) {
  const e = exc as RequestValidationError;
  return new JSONResponse(jsonableEncoder({ detail: e.errors(), body: e.body }), { statusCode: 422 });
});

const Item = z.object({
  title: z.string(),
  size: z.int(),
});

app.post("/items/", { params: { item: Body(Item) } }, async function createItem({ item }) {
  return item;
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
