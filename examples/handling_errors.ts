// Handling errors: HTTPException, a custom error class with its handler, and
// FastAPI's JSON shape for HTTPException ({"detail": ...}) instead of Starlette's text.
import { fileURLToPath } from "node:url";
import { App, HTTPException, JSONResponse, serve, type Request } from "starlette-ts";

const items: Record<string, string> = { foo: "The Foo Wrestlers" };

class UnicornException extends Error {
  constructor(readonly unicornName: string) {
    super(`Unicorn ${unicornName}`);
  }
}

export const app = new App();

app.exceptionHandler(UnicornException)((_request, exc) => {
  const name = (exc as UnicornException).unicornName;
  return new JSONResponse({ message: `Oops! ${name} did something. There goes a rainbow...` }, { statusCode: 418 });
});

app.exceptionHandler(HTTPException)((_request, exc) => {
  const e = exc as HTTPException;
  return new JSONResponse({ detail: e.detail }, { statusCode: e.statusCode, headers: e.headers ?? undefined });
});

app.get("/items/{item_id}")((request: Request) => {
  const itemId = request.pathParams.item_id as string;
  if (!(itemId in items)) throw new HTTPException(404, "Item not found", { "X-Error": "There goes my error" });
  return { item: items[itemId] };
});

app.get("/unicorns/{name}")((request: Request) => {
  const name = request.pathParams.name as string;
  if (name === "yolo") throw new UnicornException(name);
  return { unicorn_name: name };
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app);
