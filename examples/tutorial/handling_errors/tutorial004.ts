// Handling Errors: FastAPI's default handlers replaced, for HTTP errors and for invalid requests.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { HTTPException as StarletteHTTPException } from "starlette-ts/exceptions";
import { FastAPI, HTTPException, Path, PlainTextResponse, RequestValidationError } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

app.exceptionHandler(StarletteHTTPException)(async function httpExceptionHandler(request, exc) {
  const e = exc as StarletteHTTPException<unknown>;
  return new PlainTextResponse(String(e.detail), { statusCode: e.statusCode });
});

app.exceptionHandler(RequestValidationError)(async function validationExceptionHandler(request, exc) {
  let message = "Validation errors:";
  for (const error of (exc as RequestValidationError).errors()) {
    message += `\nField: ${JSON.stringify(error.loc)}, Error: ${error.msg}`;
  }
  return new PlainTextResponse(message, { statusCode: 400 });
});

app.get("/items/{item_id}", { params: { item_id: Path(z.int()) } }, async function readItem({ item_id }) {
  if (item_id === 3) {
    throw new HTTPException(418, "Nope! I don't like 3.");
  }
  return { item_id };
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
