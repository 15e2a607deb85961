// Response models as FastAPI dumps them (fastapi/routing.py's serialize_response with pydantic's
// serializer): each test runs the same app in FastAPI (tests/python/fastapi_probe.py) and here.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as z from "zod";
import { Body, FastAPI, Path } from "../../../src/fastapi/index.js";
import type { JsonSchema } from "../../../src/fastapi/_compat/json_schema.js";
import type { ModelField } from "../../../src/fastapi/_compat/model_field.js";
import { dumpModel, type DumpOptions } from "../../../src/fastapi/_compat/serialize.js";
import { TestClient } from "../../../src/testclient.js";
import { requirePython } from "../../python.js";
import { type ProbeRequest, fastapiAnswers, tsAnswers } from "../probe.js";

const enabled = requirePython("fastapi");

async function alike(source: string, app: FastAPI, requests: ProbeRequest[]): Promise<void> {
  const ts = await tsAnswers(app, requests);
  if (!enabled) return;
  assert.equal(ts, fastapiAnswers(source, requests));
}

test("a union response model dumps with the member the value validated as, not the first", async () => {
  const source = `
from fastapi import FastAPI
from pydantic import BaseModel
class A(BaseModel):
    a: int
class B(BaseModel):
    b: int
    c: str | None = None
app = FastAPI()
@app.get("/b", response_model=A | B)
def b(): return {"b": 1}
@app.get("/ab", response_model=A | B)
def ab(): return {"a": 1, "b": 2}
@app.get("/nested", response_model=A | None | B, response_model_exclude_none=True)
def nested(): return {"b": 2}
@app.get("/neither", response_model=int | dict[str, int])
def neither(): return {"x": 3}
`;
  const A = z.object({ a: z.int() });
  const B = z.object({ b: z.int(), c: z.string().nullable().default(null) });
  const app = new FastAPI();
  app.get("/b", { responseModel: z.union([A, B]) }, () => ({ b: 1 }));
  app.get("/ab", { responseModel: z.union([A, B]) }, () => ({ a: 1, b: 2 }));
  app.get("/nested", { responseModel: z.union([A.nullable(), B]), responseModelExcludeNone: true }, () => ({ b: 2 }));
  app.get("/neither", { responseModel: z.union([z.int(), z.record(z.string(), z.int())]) }, () => ({ x: 3 }));
  await alike(source, app, ["/b", "/ab", "/nested", "/neither"].map((path) => ({ method: "GET", path })));
});

test("a list in a union, and a dict of models, get the options at every level", async () => {
  const source = `
from fastapi import FastAPI
from pydantic import BaseModel
class B(BaseModel):
    b: int
    c: str | None = None
app = FastAPI()
@app.get("/list", response_model=list[B] | None, response_model_exclude_none=True)
def list_(): return [{"b": 2}, {"b": 3, "c": "x"}]
@app.get("/dict", response_model=dict[str, B], response_model_exclude_none=True)
def dict_(): return {"k": {"b": 2}}
@app.get("/none", response_model=list[B] | None)
def none(): return None
`;
  const B = z.object({ b: z.int(), c: z.string().nullable().default(null) });
  const app = new FastAPI();
  app.get("/list", { responseModel: z.array(B).nullable(), responseModelExcludeNone: true }, () => [{ b: 2 }, { b: 3, c: "x" }]);
  app.get("/dict", { responseModel: z.record(z.string(), B), responseModelExcludeNone: true }, () => ({ k: { b: 2 } }));
  app.get("/none", { responseModel: z.array(B).nullable() }, () => null);
  await alike(source, app, ["/list", "/dict", "/none"].map((path) => ({ method: "GET", path })));
});

test("response_model_exclude_unset with the request's body returned: only what the client sent, at every level", async () => {
  const source = `
from fastapi import FastAPI
from pydantic import BaseModel
class Sub(BaseModel):
    a: int = 1
    b: int = 2
class Item(BaseModel):
    name: str
    tax: float = 10.5
    sub: Sub = Sub()
    subs: list[Sub] = []
app = FastAPI()
@app.post("/", response_model=Item, response_model_exclude_unset=True)
def f(item: Item): return item
@app.post("/wrapped", response_model=dict, response_model_exclude_unset=True)
def g(item: Item): return {"item": item, "n": 1}
@app.post("/any", response_model_exclude_unset=True)
def h(item: Item) -> dict: return {"item": item}
@app.post("/all", response_model=Item)
def i(item: Item): return item
`;
  const Sub = z.object({ a: z.int().default(1), b: z.int().default(2) });
  const Item = z.object({ name: z.string(), tax: z.number().default(10.5), sub: Sub.default({ a: 1, b: 2 }), subs: z.array(Sub).default([]) });
  const app = new FastAPI();
  app.post("/", { params: { item: Body(Item) }, responseModel: Item, responseModelExcludeUnset: true }, ({ item }) => item);
  app.post("/wrapped", { params: { item: Body(Item) }, responseModel: z.record(z.string(), z.unknown()), responseModelExcludeUnset: true }, ({ item }) => ({ item, n: 1 }));
  app.post("/any", { params: { item: Body(Item) }, responseModel: z.object({}).loose(), responseModelExcludeUnset: true }, ({ item }) => ({ item }));
  app.post("/all", { params: { item: Body(Item) }, responseModel: Item }, ({ item }) => item);
  const json = { name: "x", sub: { a: 5 }, subs: [{ b: 3 }] };
  await alike(source, app, ["/", "/wrapped", "/any", "/all"].map((path) => ({ method: "POST", path, json })));
});

test("response_model_exclude_defaults: a value equal to its field's default, lists and models too, is left out", async () => {
  const source = `
from fastapi import FastAPI
from pydantic import BaseModel
class Sub(BaseModel):
    a: int = 1
class Item(BaseModel):
    name: str
    tags: list[str] = ["x"]
    sub: Sub = Sub()
    meta: dict[str, int] = {"k": 1}
    note: str | None = None
app = FastAPI()
@app.get("/{case}", response_model=Item, response_model_exclude_defaults=True)
def f(case: str):
    return {
        "same": {"name": "n", "tags": ["x"], "sub": {"a": 1}, "meta": {"k": 1}, "note": None},
        "other": {"name": "n", "tags": ["x", "y"], "sub": {"a": 2}, "meta": {"k": 2}, "note": "n"},
        "shorter": {"name": "n", "tags": [], "meta": {}},
        "more": {"name": "n", "meta": {"k": 1, "j": 2}},
    }[case]
`;
  const Sub = z.object({ a: z.int().default(1) });
  const Item = z.object({
    name: z.string(),
    tags: z.array(z.string()).default(["x"]),
    sub: Sub.default({ a: 1 }),
    meta: z.record(z.string(), z.int()).default({ k: 1 }),
    note: z.string().nullable().default(null),
  });
  const values: Record<string, unknown> = {
    same: { name: "n", tags: ["x"], sub: { a: 1 }, meta: { k: 1 }, note: null },
    other: { name: "n", tags: ["x", "y"], sub: { a: 2 }, meta: { k: 2 }, note: "n" },
    shorter: { name: "n", tags: [], meta: {} },
    more: { name: "n", meta: { k: 1, j: 2 } },
  };
  const app = new FastAPI();
  app.get("/{case}", { params: { case: Path(z.string()) }, responseModel: Item, responseModelExcludeDefaults: true }, ({ case: c }) => values[c]);
  await alike(source, app, Object.keys(values).map((c) => ({ method: "GET", path: `/${c}` })));
});

test("a response model's datetimes are written as pydantic writes them, not as jsonable_encoder's isoformat", async () => {
  const source = `
from datetime import datetime, timezone
from fastapi import FastAPI
from pydantic import BaseModel
class Event(BaseModel):
    at: datetime
app = FastAPI()
AT = {"whole": datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone.utc), "millis": datetime(2024, 1, 2, 3, 4, 5, 123000, tzinfo=timezone.utc)}
@app.get("/model/{case}", response_model=Event)
def model(case: str):
    return {"at": AT[case]}
@app.get("/plain/{case}")
def plain(case: str):
    return {"at": AT[case]}
`;
  const AT: Record<string, Date> = { whole: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)), millis: new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 123)) };
  const app = new FastAPI();
  app.get("/model/{case}", { params: { case: Path(z.string()) }, responseModel: z.object({ at: z.date() }) }, ({ case: c }) => ({ at: AT[c] }));
  app.get("/plain/{case}", { params: { case: Path(z.string()) } }, ({ case: c }) => ({ at: AT[c] }));
  await alike(source, app, ["model", "plain"].flatMap((kind) => ["whole", "millis"].map((c) => ({ method: "GET", path: `/${kind}/${c}` }))));
});

test("an invalid Date in a response model is null, as jsonable_encoder gives for one", async () => {
  const app = new FastAPI();
  app.get("/", { responseModel: z.object({ at: z.any() }) }, () => ({ at: new Date(Number.NaN) }));
  assert.equal((await new TestClient(app).get("/")).json(), { at: null });
});

test("a response model that makes an object of something else keeps it whole, excludeUnset or not", async () => {
  const app = new FastAPI();
  const Boxed = z.string().transform((s) => ({ s }));
  app.get("/a", { responseModel: Boxed, responseModelExcludeUnset: true }, () => "x");
  app.get("/b", { responseModel: z.array(z.object({ s: z.string() })).or(z.string().transform((s) => [{ s }])), responseModelExcludeUnset: true }, () => "y");
  const client = new TestClient(app);
  assert.is((await client.get("/a")).text, '{"s":"x"}');
  assert.is((await client.get("/b")).text, '[{"s":"y"}]');
});

/** dumpModel over a hand-written output JSON Schema, as other validators may write one. */
function dumpWith(schema: JsonSchema | null, value: unknown, original: unknown = value, options: DumpOptions = {}): unknown {
  return dumpModel({ outputJsonSchema: schema } as ModelField, value, original, options);
}

test("dumpModel over JSON Schemas zod does not write: boolean schemas, open objects, bare items, no schema", () => {
  const value = { a: 1, b: [{ c: 1, d: 2 }], e: "x" };
  // No schema (a validator without JSON Schema), or `true`: the validator's value as it is.
  assert.is(dumpWith(null, value), value);
  assert.is(dumpWith(true, value), value);
  // additionalProperties: true keeps undeclared keys, with no schema for them.
  assert.equal(dumpWith({ type: "object", properties: { e: { type: "string" } }, additionalProperties: true }, value), { e: "x", a: 1, b: [{ c: 1, d: 2 }] });
  // A declared property the value lacks (optional, unset) is left out.
  assert.equal(dumpWith({ type: "object", properties: { z: { type: "string" }, e: { type: "string" } } }, value), { e: "x" });
  // Items without a type; a union member that is a boolean schema or a $ref to nowhere; an array without items.
  const items = { anyOf: [false, { $ref: "#/$defs/nowhere" }, { items: { type: "object", properties: { c: { type: "integer" } } } }] };
  assert.equal(dumpWith({ type: "object", properties: { b: items } }, value), { b: [{ c: 1 }] });
  assert.equal(dumpWith({ type: "array" }, [{ a: 1 }]), [{ a: 1 }]);
  assert.equal(dumpWith({ anyOf: [{ type: "string" }] }, [{ a: 1 }]), [{ a: 1 }]);
  // An array where the original was something else, under excludeUnset: nothing to compare with.
  assert.equal(dumpWith({ type: "array", items: { type: "object", properties: { a: { type: "integer" } } } }, [{ a: 1 }], "a", { excludeUnset: true }), [{ a: 1 }]);
});

test.run();
