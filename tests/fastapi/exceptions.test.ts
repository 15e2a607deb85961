// Port of fastapi/exceptions.py's ValidationException.__str__: `String(exc)` in a handler is
// Python's str(exc), compared with FastAPI's own (tests/python/fastapi_probe.py runs the app
// from source, so FastAPI names no file and line, as JavaScript cannot).
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as z from "zod";
import { Body, FastAPI, Path, PlainTextResponse, Query, RequestValidationError, ResponseValidationError } from "../../src/fastapi/index.js";
import type { Message, Scope } from "../../src/types.js";
import { requirePython } from "../python.js";
import { fastapiAnswers, tsAnswers } from "./probe.js";

test("PlainTextResponse(str(exc)): the errors as Python prints them, and the endpoint with its mount's prefix", async () => {
  const source = `
from fastapi import FastAPI, Query
from fastapi.exceptions import RequestValidationError
from fastapi.responses import PlainTextResponse
from pydantic import BaseModel
async def handler(request, exc):
    return PlainTextResponse(str(exc), status_code=400)
class Item(BaseModel):
    name: str
    price: float
app = FastAPI()
app.add_exception_handler(RequestValidationError, handler)
@app.api_route("/items/{item_id}", methods=["GET", "POST"])
async def read_item(item_id: int, q: str = Query(max_length=3), r: int = Query(gt=2)):
    return item_id
@app.post("/items")
async def create_item(item: Item):
    return item
sub = FastAPI()
sub.add_exception_handler(RequestValidationError, handler)
@sub.get("/things/{n}")
async def read_thing(n: int):
    return n
app.mount("/sub/", sub)
`;
  const handler = (_request: unknown, exc: unknown) => new PlainTextResponse(String(exc), { statusCode: 400 });
  const Item = z.object({ name: z.string(), price: z.number() });
  const app = new FastAPI();
  app.addExceptionHandler(RequestValidationError, handler);
  app.apiRoute("/items/{item_id}", { methods: ["GET", "POST"], params: { item_id: Path(z.int()), q: Query(z.string(), { maxLength: 3 }), r: Query(z.int(), { gt: 2 }) } })(
    async function readItem({ item_id }) {
      return item_id;
    },
  );
  app.post("/items", { params: { item: Body(Item) } }, async function createItem({ item }) {
    return item;
  });
  const sub = new FastAPI();
  sub.addExceptionHandler(RequestValidationError, handler);
  sub.get("/things/{n}", { params: { n: Path(z.int()) } }, async function readThing({ n }) {
    return n;
  });
  app.mount("/sub/", sub);
  const requests = [
    { method: "GET", path: "/items/foo?q=abcd&r=1" },
    { method: "POST", path: "/items/1" },
    { method: "POST", path: "/items", json: { name: 1, price: "x'\"é\u0007\u2028" } },
    { method: "POST", path: "/items", json: { name: "it's", price: "\\" } },
    { method: "POST", path: "/items", content: "{", headers: { "content-type": "application/json" } },
    { method: "GET", path: "/sub/things/x" },
  ];
  const ts = await tsAnswers(app, requests);
  assert.match(ts[0].text, /^3 validation errors:\n {2}\{'type': 'int_parsing', 'loc': \('path', 'item_id'\)/);
  if (requirePython("fastapi")) assert.equal(ts, fastapiAnswers(source, requests));
});

test("str(exc) of values only JavaScript has, and of a response validation error", () => {
  const exc = new ResponseValidationError([{ type: "x", loc: ["response"], msg: "m", input: [NaN, Infinity, -Infinity, true, false, undefined, 1n, new Error("bad"), "\u{1F600}\u{E0001}"] }]);
  assert.is(String(exc), "1 validation error:\n  {'type': 'x', 'loc': ('response',), 'msg': 'm', 'input': [nan, inf, -inf, True, False, None, 1, ValueError('bad'), '\u{1F600}\\U000e0001']}");
  assert.is(exc.message, String(exc));
});

test("a scope without root_path (a server that sets none): the endpoint's own path", async () => {
  const app = new FastAPI();
  app.addExceptionHandler(RequestValidationError, (_request, exc) => new PlainTextResponse(String(exc), { statusCode: 400 }));
  app.get("/n/{n}", { params: { n: Path(z.int()) } }, ({ n }) => n);
  const sent: Message[] = [];
  const scope: Scope = { type: "http", method: "GET", path: "/n/x", raw_path: "/n/x", query_string: "", headers: [] };
  await app.call(scope, async () => ({ type: "http.request", body: new Uint8Array(0), more_body: false }), async (message) => void sent.push(message));
  const body = Buffer.from(sent[1].body as Uint8Array).toString();
  assert.ok(body.endsWith("\n\n  Endpoint: GET /n/{n}"), body);
});

test.run();
