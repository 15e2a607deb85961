// TS twin of tests/python/fastapi_apps/handling_errors.py (docs_src/handling_errors,
// tutorial001-006). tutorial001-003 share the main app; 004-006 replace app-wide handlers,
// so each is its own FastAPI app mounted under /t00N. Written in a kit's schemas
// (tests/fastapi/kits): the same app with zod, valibot or arktype.
import {
  Body,
  FastAPI,
  HTTPException,
  JSONResponse,
  Path,
  PlainTextResponse,
  Query,
  Request,
  RequestValidationError,
  httpExceptionHandler,
  jsonableEncoder,
  requestValidationExceptionHandler,
} from "../../../src/fastapi/index.js";
import { HTTPException as StarletteHTTPException } from "../../../src/exceptions.js";
import type { Kit } from "../kits/kit.js";
import { zodKit } from "../kits/zod.js";

export function makeApp(s: Kit): FastAPI {
  const app = new FastAPI();

  const items: Record<string, string> = { foo: "The Foo Wrestlers" };

  // tutorial001
  app.get("/items/{item_id}", { params: { item_id: Path(s.string()) } }, async function readItem({ item_id }) {
    if (!(item_id in items)) {
      throw new HTTPException(404, "Item not found");
    }
    return { item: items[item_id] };
  });

  // tutorial002: custom headers
  app.get("/items-header/{item_id}", { params: { item_id: Path(s.string()) } }, async function readItemHeader({ item_id }) {
    if (!(item_id in items)) {
      throw new HTTPException(404, "Item not found", { "X-Error": "There goes my error" });
    }
    return { item: items[item_id] };
  });

  // tutorial003: a custom exception handler
  class UnicornException extends Error {
    // Python's exc.name; in JavaScript it also replaces the error's class name in its stack.
    constructor(override readonly name: string) {
      super();
    }
  }

  app.exceptionHandler(UnicornException)(async function unicornExceptionHandler(request: Request, exc: unknown) {
    return new JSONResponse(
      { message: `Oops! ${(exc as UnicornException).name} did something. There goes a rainbow...` },
      { statusCode: 418 },
    );
  });

  app.get("/unicorns/{name}", { params: { name: Path(s.string()) } }, async function readUnicorn({ name }) {
    if (name === "yolo") {
      throw new UnicornException(name);
    }
    return { unicorn_name: name };
  });

  // Not in the docs: detail as an object
  app.get("/items-dict/{item_id}", { params: { item_id: Path(s.string()) } }, async function readItemDict({ item_id }) {
    if (!(item_id in items)) {
      throw new HTTPException(404, { error: "Item not found", item_id: item_id });
    }
    return { item: items[item_id] };
  });

  // Not in the docs: a 401 with WWW-Authenticate
  app.get("/secure", { params: { token: Query(s.orNone(s.string())) } }, async function secure({ token }) {
    if (token !== "secret") {
      throw new HTTPException(401, "Not authenticated", { "WWW-Authenticate": "Bearer" });
    }
    return { ok: true };
  });

  // tutorial004: both handlers replaced by plain text
  const app004 = new FastAPI();

  app004.exceptionHandler(StarletteHTTPException)(async function httpExceptionHandler004(request, exc) {
    const e = exc as StarletteHTTPException<unknown>;
    return new PlainTextResponse(String(e.detail), { statusCode: e.statusCode });
  });

  app004.exceptionHandler(RequestValidationError)(async function validationExceptionHandler004(request, exc) {
    let message = "Validation errors:";
    for (const error of (exc as RequestValidationError).errors()) {
      message += `\nField: ${pyTuple(error.loc)}, Error: ${error.msg}`;
    }
    return new PlainTextResponse(message, { statusCode: 400 });
  });

  app004.get("/items/{item_id}", { params: { item_id: Path(s.int()) } }, async function readItem004({ item_id }) {
    if (item_id === 3) {
      throw new HTTPException(418, "Nope! I don't like 3.");
    }
    return { item_id: item_id };
  });

  app.mount("/t004", app004);

  // tutorial005: the validation handler adds the body it received
  const app005 = new FastAPI();

  app005.exceptionHandler(RequestValidationError)(async function validationExceptionHandler005(request: Request, exc: unknown) {
    const e = exc as RequestValidationError;
    return new JSONResponse(jsonableEncoder({ detail: e.errors(), body: e.body }), { statusCode: 422 });
  });

  const Item = s.object({
    title: s.string(),
    size: s.int(),
  });

  app005.post("/items/", { params: { item: Body(Item) } }, async function createItem005({ item }) {
    return item;
  });

  app.mount("/t005", app005);

  // tutorial006: custom handlers that reuse FastAPI's
  const app006 = new FastAPI();

  app006.exceptionHandler(StarletteHTTPException)(async function customHttpExceptionHandler006(request, exc) {
    // print(f"OMG! An HTTP error!: {repr(exc)}") left out: it would land amid the test output.
    return await httpExceptionHandler(request, exc);
  });

  app006.exceptionHandler(RequestValidationError)(async function validationExceptionHandler006(request, exc) {
    // print(f"OMG! The client sent invalid data!: {exc}") left out, likewise.
    return await requestValidationExceptionHandler(request, exc);
  });

  app006.get("/items/{item_id}", { params: { item_id: Path(s.int()) } }, async function readItem006({ item_id }) {
    if (item_id === 3) {
      throw new HTTPException(418, "Nope! I don't like 3.");
    }
    return { item_id: item_id };
  });

  app.mount("/t006", app006);

  return app;
}

export const app = makeApp(zodKit);

/** Python's repr of a loc tuple, as the f-string above writes it: ('path', 'item_id'). */
function pyTuple(loc: ReadonlyArray<string | number>): string {
  const items = loc.map((part) => (typeof part === "number" ? String(part) : `'${part}'`));
  return `(${items.join(", ")}${items.length === 1 ? "," : ""})`;
}
