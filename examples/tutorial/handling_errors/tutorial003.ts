// Handling Errors: a handler of your own for your own exception.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI, JSONResponse, Path, type Request } from "starlette-ts/fastapi";
import * as z from "zod";

class UnicornException extends Error {
  constructor(readonly unicornName: string) {
    super(`unicorn ${unicornName}`);
  }
}

export const app = new FastAPI();

app.exceptionHandler(UnicornException)(async function unicornExceptionHandler(request: Request, exc: unknown) {
  const { unicornName } = exc as UnicornException;
  return new JSONResponse({ message: `Oops! ${unicornName} did something. There goes a rainbow...` }, { statusCode: 418 });
});

app.get("/unicorns/{name}", { params: { name: Path(z.string()) } }, async function readUnicorn({ name }) {
  if (name === "yolo") {
    throw new UnicornException(name);
  }
  return { unicorn_name: name };
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
