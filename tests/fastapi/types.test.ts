// No Python counterpart: the handler's argument is typed from its declarations. `npm run typecheck`
// compiles this file; each `@ts-expect-error` line must fail to compile, or the check fails.
import { type } from "arktype";
import { toStandardJsonSchema } from "@valibot/to-json-schema";
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as v from "valibot";
import * as z from "zod";
import {
  APIRouter,
  BackgroundTasks,
  Body,
  Cookie,
  Depends,
  FastAPI,
  File,
  Form,
  Header,
  Path,
  Query,
  Request,
  Response,
  SecurityScopes,
  UploadFile,
  WebSocket,
  type Values,
} from "../../src/fastapi/index.js";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T extends true>(): T | void {}
const check = <A>(_value: A) => ({ is: <B>(_ok: Equal<A, B>) => undefined });

const app = new FastAPI();
const Item = z.object({ name: z.string(), price: z.number(), tax: z.number().nullable().default(null) });

app.get("/items/{item_id}", { params: { item_id: Path(z.int()), q: Query(z.string().nullable().default(null)) } }, ({ item_id, q }) => {
  check(item_id).is<number>(true);
  check(q).is<string | null>(true);
  // @ts-expect-error a number is not a string
  const wrong: string = item_id;
  return { item_id, q, wrong };
});

app.put("/items/{item_id}", { params: { item_id: Path(z.int()), item: Body(Item), user_agent: Header(z.string().nullable().default(null)) } }, (values) => {
  check(values.item).is<{ name: string; price: number; tax: number | null }>(true);
  // @ts-expect-error no such param
  void values.nope;
  // @ts-expect-error no such field on the item
  void values.item.color;
  return values;
});

// The decorator form types the handler the same way.
app.post("/items/", { params: { item: Body(Item), importance: Body(z.int()) } })(({ item, importance }) => {
  check(importance).is<number>(true);
  return item.name;
});

// Dependencies: what the function returns (awaited), or what a generator yields.
function commonParameters({ q, skip, limit }: { q: string | null; skip: number; limit: number }) {
  return { q, skip, limit };
}
const commons = Depends(commonParameters, {
  params: { q: Query(z.string().nullable().default(null)), skip: Query(z.int().default(0)), limit: Query(z.int().default(100)) },
});
async function* getDb() {
  yield { connection: 1 as const };
}
class CommonQueryParams {
  constructor(readonly values: { q: string }) {}
}
app.get(
  "/users/",
  { params: { commons, db: Depends(getDb), fromClass: Depends(CommonQueryParams, { params: { q: Query(z.string()) } }), token: Depends(async () => "t") } },
  ({ commons, db, fromClass, token }) => {
    check(commons).is<{ q: string | null; skip: number; limit: number }>(true);
    check(db).is<{ connection: 1 }>(true);
    check(fromClass).is<CommonQueryParams>(true);
    check(token).is<string>(true);
  },
);

// A dependency whose declared params do not match its function does not compile.
// @ts-expect-error skip is declared as a string, the function wants a number
Depends(commonParameters, {
  params: { q: Query(z.string().nullable()), skip: Query(z.string()), limit: Query(z.int()) },
});

// A dependency object: its call() is typed from its own params.
const checker = {
  params: { q: Query(z.string().default("")) },
  call({ q }: { q: string }) {
    return q.length;
  },
};
app.get("/checker", { params: { n: Depends(checker) } }, ({ n }) => {
  check(n).is<number>(true);
});
// @ts-expect-error its params give q a number, its call() wants a string
Depends({ params: { q: Query(z.int()) }, call: ({ q }: { q: string }) => q });

// Injected classes and files.
app.post(
  "/files/",
  {
    params: {
      request: Request,
      response: Response,
      tasks: BackgroundTasks,
      scopes: SecurityScopes,
      upload: UploadFile,
      bytes: File(),
      uploads: File({ as: "upload", multiple: true }),
      maybe: File({ as: "upload", optional: true }),
      username: Form(z.string()),
      session: Cookie(z.string().optional()),
    },
  },
  (values) => {
    check(values.request).is<Request>(true);
    check(values.response).is<Response>(true);
    check(values.tasks).is<BackgroundTasks>(true);
    check(values.scopes).is<SecurityScopes>(true);
    check(values.upload).is<UploadFile>(true);
    check(values.bytes).is<Uint8Array>(true);
    check(values.uploads).is<UploadFile[]>(true);
    check(values.maybe).is<UploadFile | null>(true);
    check(values.username).is<string>(true);
    check(values.session).is<string | undefined>(true);
  },
);

// valibot and arktype infer the same way.
const router = new APIRouter();
router.get("/v", { params: { n: Query(toStandardJsonSchema(v.pipe(v.number(), v.integer()))), s: Query(type("string")) } }, ({ n, s }) => {
  check(n).is<number>(true);
  check(s).is<string>(true);
});

// Values<P> on its own, for handlers written apart from their registration.
const params = { item_id: Path(z.int()), item: Body(Item) };
function handler({ item_id, item }: Values<typeof params>) {
  return { item_id, ...item };
}
app.put("/separate/{item_id}", { params }, handler);
expectType<Equal<Parameters<typeof handler>[0]["item_id"], number>>();

// An exception handler receives the class it is registered for; a status code's, the HTTPException.
class UnicornException extends Error {
  constructor(readonly unicornName: string) {
    super(unicornName);
  }
}
app.exceptionHandler(UnicornException)((_request, exc) => {
  check(exc).is<UnicornException>(true);
  return new Response(exc.unicornName);
});
app.exceptionHandler(404)((_request, exc) => {
  check(exc.detail).is<unknown>(true);
  // @ts-expect-error a status code's handler gets an HTTPException, which has no unicornName
  void exc.unicornName;
  return null;
});

// A websocket handler is typed from its params as a path operation's is; WebSocket gives the connection.
app.websocket(
  "/ws/{item_id}",
  { params: { websocket: WebSocket, item_id: Path(z.int()), token: Query(z.string().nullable().default(null)), user: Depends(async () => ({ name: "a" })) } },
  async ({ websocket, item_id, token, user }) => {
    check(websocket).is<WebSocket>(true);
    check(item_id).is<number>(true);
    check(token).is<string | null>(true);
    check(user).is<{ name: string }>(true);
    // @ts-expect-error no param is named item: a wrong field does not compile
    void (({ item }: Values<{ websocket: typeof WebSocket }>) => item);
  },
);
router.websocket("/ws", { params: { websocket: WebSocket } })(async ({ websocket }) => {
  await websocket.sendText("hi");
  // @ts-expect-error sendText takes a string
  await websocket.sendText(1);
});
// @ts-expect-error the handler's argument has no field the params do not declare
app.websocket("/ws2", { params: { websocket: WebSocket } }, async ({ websocket, missing }: { websocket: WebSocket; missing: string }) => [websocket, missing]);

test("this file's checks are made by the compiler (npm run typecheck)", () => {
  assert.ok(app.routes.length > 0);
});

test.run();
