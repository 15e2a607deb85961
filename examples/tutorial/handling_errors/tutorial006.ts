// Handling Errors: handlers of your own that log, then hand over to FastAPI's defaults.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { HTTPException as StarletteHTTPException } from "starlette-ts/exceptions";
import {
  FastAPI,
  HTTPException,
  Path,
  RequestValidationError,
  httpExceptionHandler,
  requestValidationExceptionHandler,
} from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

app.exceptionHandler(StarletteHTTPException)(async function customHttpExceptionHandler(request, exc) {
  console.log(`OMG! An HTTP error!: ${exc}`);
  return httpExceptionHandler(request, exc);
});

app.exceptionHandler(RequestValidationError)(async function validationExceptionHandler(request, exc) {
  console.log(`OMG! The client sent invalid data!: ${(exc as RequestValidationError).message}`);
  return requestValidationExceptionHandler(request, exc);
});

app.get("/items/{item_id}", { params: { item_id: Path(z.int()) } }, async function readItem({ item_id }) {
  if (item_id === 3) {
    throw new HTTPException(418, "Nope! I don't like 3.");
  }
  return { item_id };
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
