// No Python counterpart (pydantic writes its own schemas): the component registry of
// src/fastapi/openapi/schemas.ts. First the same app in each kit's validator (zod, valibot,
// arktype) against FastAPI's document for its Python twin, each kit's remaining differences
// listed with their reason; then what the registry makes of JSON Schemas as validators write them.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { Body, FastAPI, Query } from "../../../src/fastapi/index.js";
import { ModelField } from "../../../src/fastapi/_compat/model_field.js";
import type { StandardSchemaV1 } from "../../../src/fastapi/_compat/standard_schema.js";
import { SchemaRegistry, fieldTitle, generationOrder, pydanticSort, withFieldOptions } from "../../../src/fastapi/openapi/schemas.js";
import { arktypeKit } from "../kits/arktype.js";
import type { Kit, KitName } from "../kits/kit.js";
import { valibotKit } from "../kits/valibot.js";
import { zodKit } from "../kits/zod.js";
import { TestClient } from "../../../src/fastapi/testclient.js";
import { assertValidDocument, fastapiPages, haveFastAPI, textDifferences, warned } from "./helpers.js";

// ---------------------------------------------------------------- one app, three validators

const PYTHON = `
from enum import Enum
from typing import Literal
from fastapi import FastAPI, Query
from pydantic import BaseModel
class Size(str, Enum):
    small = "small"
    large = "large"
class Image(BaseModel):
    url: str
    name: str
class Item(BaseModel):
    name: str
    description: str | None = None
    price: float
    count: int = 1
    tags: list[str] = []
    image: Image | None = None
    size: Size
    mode: Literal["a", "b"]
    weights: dict[str, float] = {}
class Closed(BaseModel):
    model_config = {"extra": "forbid"}
    key: str
app = FastAPI()
@app.post("/items/", response_model=Item)
def create_item(item: Item, size: Size = Query(), limit: int = Query(10, ge=1)):
    return item
@app.post("/closed/", response_model=Closed)
def create_closed(closed: Closed, ids: list[int] = Query([])):
    return closed
`;

function kitApp(s: Kit): FastAPI {
  const Size = s.enum(["small", "large"], "Size");
  const Image = s.object({ url: s.string(), name: s.string() }, "Image");
  const Item = s.object(
    {
      name: s.string(),
      description: s.orNone(s.string()),
      price: s.number(),
      count: s.withDefault(s.int(), 1),
      tags: s.withDefault(s.array(s.string()), []),
      image: s.orNone(Image),
      size: Size,
      mode: s.literal(["a", "b"]),
      weights: s.withDefault(s.record("str", s.number()), {}),
    },
    "Item",
  );
  const Closed = s.strictObject({ key: s.string() }, "Closed");
  const app = new FastAPI();
  app.post("/items/", { params: { item: Body(Item), size: Query(Size), limit: Query(s.withDefault(s.int(), 10), { ge: 1 }) }, responseModel: Item }, function createItem({ item }) {
    return item;
  });
  app.post("/closed/", { params: { closed: Body(Closed), ids: Query(s.withDefault(s.array(s.int()), [])) }, responseModel: Closed }, function createClosed({ closed }) {
    return closed;
  });
  return app;
}

const ARKTYPE_ORDER = "arktype sorts an object's keys (required first) and a union's members: `required` and `enum` come in its order";
const ARKTYPE_DEFAULT = "arktype's JSON Schema of an object's property with a default has no `default`";
const KNOWN: Record<KitName, Array<[RegExp, string]>> = {
  zod: [],
  valibot: [],
  arktype: [
    [/^\/components\/schemas\/(Item|Image)\/required\[\d\]: /, ARKTYPE_ORDER],
    [/^\/components\/schemas\/(Item|Image)\/properties: key order: /, ARKTYPE_ORDER],
    [/^\/components\/schemas\/Size\/enum\[\d\]: /, ARKTYPE_ORDER],
    [/^\/components\/schemas\/Item\/properties\/(count|tags|weights)\/default: python .*, ts \(absent\)$/, ARKTYPE_DEFAULT],
  ],
};

let python: string | null = null;

test.before(() => {
  if (haveFastAPI()) python = fastapiPages({ snippets: { kits: PYTHON } }).kits.openapi_text ?? null;
});

for (const kit of [zodKit, valibotKit, arktypeKit]) {
  test(`${kit.name}: the document FastAPI writes for the Python twin`, async () => {
    const app = kitApp(kit);
    const { value: doc, warnings } = await warned(() => app.openapi());
    assert.equal(warnings, []);
    await assertValidDocument(doc, kit.name);
    if (python === null) return;
    const known = KNOWN[kit.name];
    const used = new Set<number>();
    const served = (await new TestClient(app).get("/openapi.json")).text;
    const lines = textDifferences(python, served).filter((line) => {
      const i = known.findIndex(([pattern]) => pattern.test(line));
      if (i >= 0) used.add(i);
      return i === -1;
    });
    assert.equal(lines, [], `${kit.name}: the documents differ`);
    assert.equal(known.filter((_, i) => !used.has(i)).map(([p]) => String(p)), [], `${kit.name}: listed differences that no longer occur`);
  });
}

// ---------------------------------------------------------------- JSON Schemas as validators write them

/** A Standard Schema that takes anything and whose JSON Schemas are the ones given. */
function fake(input: Record<string, unknown>, output: Record<string, unknown> = input, vendor = "test"): StandardSchemaV1 {
  return {
    "~standard": {
      version: 1,
      vendor,
      validate: (value: unknown) => ({ value }),
      jsonSchema: { input: () => structuredClone(input), output: () => structuredClone(output) },
    },
  };
}

/** The value as the document writes it: every `$ref` the registry made in its final form, no null in a dict. */
function written(value: unknown, registry: SchemaRegistry): unknown {
  if (Array.isArray(value)) return value.map((v) => written(v, registry));
  if (typeof value !== "object" || value === null) return value;
  const entries = Object.entries(value).filter(([, v]) => v !== null);
  return Object.fromEntries(entries.map(([k, v]) => [k, k === "$ref" && typeof v === "string" ? registry.ref(v) : written(v, registry)]));
}

/** The document of one body and one response, written out. */
function document(body: StandardSchemaV1 | null, response: StandardSchemaV1 | null = null, separate = true): { request: unknown; response: unknown; components: Record<string, unknown> } {
  const registry = new SchemaRegistry(separate);
  const request = body === null ? null : registry.schemaOf(new ModelField(body, { name: "body" }), "validation", "test", "Body");
  const answer = response === null ? null : registry.schemaOf(new ModelField(response, { name: "Response_x" }), "serialization", "test", "Response X");
  registry.finish();
  return written({ request, response: answer, components: registry.components() }, registry) as { request: unknown; response: unknown; components: Record<string, unknown> };
}

test("pydantic's forms: anyOf for nullable types, integer literals, items of a list, keys of a dict", () => {
  const { request } = document(
    fake({
      $schema: "https://json-schema.org/draft/2020-12/schema",
      type: "object",
      properties: {
        a: { type: ["string", "null"], maxLength: 3, default: null, description: "d" },
        b: { type: ["integer", "string", "null"], minimum: -9007199254740991, maximum: 9007199254740991, enum: [1, "x", null] },
        c: { type: ["boolean"] },
        d: { type: ["number", "null"], anyOf: [{ minimum: 1 }] },
        e: { type: ["string", "null"], const: "k" },
        f: { type: ["integer", "null"], const: "not an int" },
        g: { type: "array" },
        h: { type: "array", prefixItems: [{ type: "string" }], items: false },
        i: { type: "object", propertyNames: { type: "string", pattern: "^-?\\d+$" }, additionalProperties: {} },
        j: { type: "object", propertyNames: { type: "string", minLength: 2 } },
        k: { type: "number", const: 3 },
        l: { type: "number", enum: [1.5] },
        m: { type: "number", enum: [] },
      },
      required: ["c", "zzz", "a"],
    }),
  );
  assert.equal(request, {
    type: "object",
    properties: {
      a: { anyOf: [{ type: "string", maxLength: 3 }, { type: "null" }], description: "d", title: "A" },
      b: { anyOf: [{ type: "integer", enum: [1] }, { type: "string", enum: ["x"] }, { type: "null" }], title: "B" },
      c: { type: "boolean", title: "C" },
      d: { type: ["number", "null"], anyOf: [{ minimum: 1 }], title: "D" },
      e: { anyOf: [{ type: "string", const: "k" }, { type: "null" }], title: "E" },
      f: { anyOf: [{ type: "integer" }, { type: "null" }], title: "F" },
      g: { type: "array", items: {}, title: "G" },
      h: { type: "array", prefixItems: [{ type: "string" }], title: "H" },
      i: { type: "object", additionalProperties: true, title: "I" },
      j: { type: "object", propertyNames: { type: "string", minLength: 2 }, title: "J" },
      k: { type: "integer", const: 3, title: "K" },
      l: { type: "number", enum: [1.5], title: "L" },
      m: { type: "number", enum: [], title: "M" },
    },
    required: ["a", "c", "zzz"],
    title: "Body",
  });
});

test("unions of constants: pydantic's enum, with the annotations every member has", () => {
  const { request } = document(
    fake({
      type: "object",
      properties: {
        one: { anyOf: [{ const: "a", title: "Letter" }, { const: "b", title: "Letter" }] },
        ints: { oneOf: [{ const: 1 }, { const: 2, type: "number" }] },
        floats: { anyOf: [{ const: 1 }, { const: 2.5 }] },
        nulls: { anyOf: [{ const: null }, { const: null }] },
        mixed: { anyOf: [{ const: 1 }, { const: "a" }] },
        objects: { anyOf: [{ const: {} }, { const: {} }] },
        single: { anyOf: [{ const: 1 }] },
        some: { anyOf: [{ const: 1 }, { type: "string" }] },
        notes: { anyOf: [{ const: "a", description: "x" }, { const: "b", description: "y" }] },
      },
    }),
  );
  const properties = (request as { properties: Record<string, unknown> }).properties;
  assert.equal(properties.ints, { enum: [1, 2], type: "integer", title: "Ints" });
  assert.equal(properties.floats, { enum: [1, 2.5], type: "number", title: "Floats" });
  assert.equal(properties.nulls, { enum: [null, null], title: "Nulls" });
  assert.equal(properties.mixed, { enum: [1, "a"], title: "Mixed" });
  assert.equal(properties.objects, { enum: [{}, {}], title: "Objects" });
  assert.equal(properties.single, { anyOf: [{ const: 1 }], title: "Single" });
  assert.equal(properties.some, { anyOf: [{ const: 1 }, { type: "string" }], title: "Some" });
  assert.equal(properties.notes, { enum: ["a", "b"], type: "string", title: "Notes" });
  // A union of constants with a name of its own is a component, as pydantic's Enum is.
  assert.equal(properties.one, { $ref: "#/components/schemas/Letter" });
});

test("models: named by $defs, $id, id or title, the refs rewritten; unnamed objects stay inline", () => {
  const { request, components } = document(
    fake({
      type: "object",
      properties: {
        a: { $ref: "#/$defs/A", description: "the A" },
        b: { $ref: "#/definitions/B~1C" },
        c: { $id: "C", type: "object", properties: { x: { type: "string" } } },
        d: { id: "D", type: "string", enum: ["p"] },
        e: { title: "E", type: "object", properties: {} },
        f: { title: "Not a name", type: "object", properties: {} },
        g: { $ref: "#/$defs/Missing" },
        h: { $ref: "https://example.com/schema" },
        i: { anyOf: [{ $ref: "#/$defs/A" }, { type: "null" }] },
        inline: { type: "object", properties: { y: { type: "integer" } } },
      },
      $defs: { A: { type: "object", properties: { n: { type: "number" } }, description: "An A.\fInternal notes." } },
      definitions: { "B/C": { type: "string", title: "Custom" } },
    }),
  );
  const properties = (request as { properties: Record<string, unknown> }).properties;
  assert.equal(properties.a, { description: "the A", $ref: "#/components/schemas/A" });
  assert.equal(properties.b, { $ref: "#/components/schemas/B/C" });
  assert.equal(properties.c, { $ref: "#/components/schemas/C" });
  assert.equal(properties.d, { $ref: "#/components/schemas/D" });
  assert.equal(properties.e, { $ref: "#/components/schemas/E" });
  assert.equal(properties.f, { title: "Not a name", type: "object", properties: {} });
  assert.equal(properties.g, { $ref: "#/$defs/Missing" }, "a ref is kept as it is where it leads nowhere known");
  assert.equal(properties.h, { $ref: "https://example.com/schema" });
  assert.equal(properties.i, { anyOf: [{ $ref: "#/components/schemas/A" }, { type: "null" }] }, "no title on an optional model, as pydantic");
  assert.equal(properties.inline, { type: "object", properties: { y: { type: "integer", title: "Y" } }, title: "Inline" });
  assert.equal(components.A, { type: "object", properties: { n: { type: "number", title: "N" } }, description: "An A.", title: "A" });
  assert.equal(components["B/C"], { type: "string", title: "Custom" });
  assert.equal(components.C, { type: "object", properties: { x: { type: "string", title: "X" } }, title: "C" });
  assert.equal(components.D, { type: "string", enum: ["p"], title: "D" });
});

test("recursive schemas: a model, named by its $id, its title or the field", () => {
  const tree = { type: "object", properties: { children: { type: "array", items: { $ref: "#" } } } };
  const byField = document(fake(tree));
  assert.equal(byField.request, { $ref: "#/components/schemas/body" });
  assert.equal(byField.components.body, { type: "object", properties: { children: { type: "array", items: { $ref: "#/components/schemas/body" }, title: "Children" } }, title: "body" });
  assert.equal(document(fake({ ...tree, title: "Tree" })).request, { $ref: "#/components/schemas/Tree" });
  assert.equal(document(fake({ ...tree, title: "A tree" })).request, { $ref: "#/components/schemas/A tree" });
  assert.equal(document(fake({ ...tree, $id: "Node" })).request, { $ref: "#/components/schemas/Node" });
  const registry = new SchemaRegistry();
  const unnamed = registry.schemaOf(new ModelField(fake(tree)), "validation", "test", "T");
  assert.equal(written(unnamed, registry), { $ref: "#/components/schemas/Model" });
});

test("input and output: one model where they agree, Name-Input and Name-Output where they differ, refs following", () => {
  const input = {
    $ref: "#/$defs/Outer",
    $defs: {
      Outer: { type: "object", properties: { inner: { $ref: "#/$defs/Inner" }, same: { $ref: "#/$defs/Same" } }, required: ["inner"] },
      Inner: { type: "object", properties: { n: { type: "number", default: 1 } } },
      Same: { type: "string" },
    },
  };
  const output = structuredClone(input) as { $defs: Record<string, unknown> };
  // zod's output side: defaults required, objects closed.
  output.$defs.Inner = { type: "object", properties: { n: { type: "number", default: 1 }, extra: { type: "string" } }, required: ["n"], additionalProperties: false };
  const both = document(fake(input, output), fake(input, output));
  assert.equal(both.request, { $ref: "#/components/schemas/Outer-Input" });
  assert.equal(both.response, { $ref: "#/components/schemas/Outer-Output" });
  assert.equal(Object.keys(both.components), ["Inner-Input", "Inner-Output", "Outer-Input", "Outer-Output", "Same"]);
  assert.equal((both.components["Outer-Output"] as { properties: unknown }).properties, {
    inner: { $ref: "#/components/schemas/Inner-Output" },
    same: { $ref: "#/components/schemas/Same" },
  });
  assert.equal(both.components["Inner-Output"], { type: "object", properties: { n: { type: "number", default: 1, title: "N" }, extra: { type: "string", title: "Extra" } }, title: "Inner" });
  // Without separate schemas, everything as it is validated.
  const one = document(fake(input, output), fake(input, output), false);
  assert.equal(one.response, { $ref: "#/components/schemas/Outer" });
  assert.equal(Object.keys(one.components), ["Inner", "Outer", "Same"]);
  // The output side keeps additionalProperties: false where the input has it (extra="forbid").
  const closed = { type: "object", properties: { a: { type: "string" } }, additionalProperties: false };
  assert.equal(document(null, fake(closed, closed)).response, { ...closed, properties: { a: { type: "string", title: "A" } }, title: "Response X" });
});

test("odd corners: booleans for schemas, nested $defs, refs that lead nowhere in both modes, enums of lists", () => {
  const model = {
    title: "Odd",
    properties: {
      flag: { $ref: "#/$defs/T" },
      lost: { $ref: "#/$defs/Missing" },
      nested: { type: "object", $defs: { Ignored: { type: "string" } }, properties: {} },
      lists: { enum: [[1], [2]] },
      pick: { type: ["array", "number", "null"], enum: [[1], 1, 2.5, null] },
      keys: { type: "object", propertyNames: { pattern: "^k" } },
      empty: { type: "object", required: [] },
      bare: { required: ["x"] },
    },
  };
  const both = document(fake({ ...model, $defs: { T: true } }), fake({ ...model, definitions: { T: true } }, { ...model, required: ["flag"], definitions: { T: true } }));
  assert.equal(both.request, { $ref: "#/components/schemas/Odd" });
  assert.equal(both.response, { $ref: "#/components/schemas/Odd" }, "the same in both modes: one model");
  assert.equal(both.components.T, { title: "T" });
  const odd = both.components.Odd as { properties: Record<string, unknown>; required?: unknown };
  assert.equal(odd.properties.lost, { $ref: "#/$defs/Missing" });
  assert.equal(odd.properties.nested, { type: "object", properties: {}, title: "Nested" });
  assert.equal(odd.properties.lists, { enum: [[1], [2]], title: "Lists" });
  assert.equal(odd.properties.pick, { anyOf: [{ type: "array", enum: [[1]] }, { type: "number", enum: [1, 2.5] }, { type: "null" }], title: "Pick" });
  assert.equal(odd.properties.keys, { type: "object", propertyNames: { pattern: "^k" }, title: "Keys" });
  assert.equal(odd.properties.empty, { type: "object", title: "Empty" });
  assert.equal(odd.properties.bare, { required: ["x"], title: "Bare" });
  assert.is(odd.required, undefined, "the input does not require flag: neither does the output");
  // An output object whose input twin is no object: required as the output says, less what has a default.
  const out = document(null, fake({ type: "string" }, { type: "object", properties: { a: { default: 1 }, b: {} }, required: ["a", "b"] }));
  assert.equal((out.response as { required: unknown }).required, ["b"]);
});

test("two schemas under one name: an error naming both places; one name in two modes is no conflict", () => {
  const registry = new SchemaRegistry();
  registry.register("X", { type: "string" }, "validation", "the first place");
  registry.register("X", { type: "string" }, "validation", "the same again");
  registry.register("X", { type: "integer" }, "serialization", "the other mode");
  assert.throws(() => registry.register("X", { type: "integer" }, "validation", "the second place"), /one from the first place, another from the second place/);
});

test("param models: the model's properties, without the model", () => {
  const registry = new SchemaRegistry();
  const model = { type: "object", properties: { a: { type: "string" }, b: true }, required: ["a"] };
  const named = new ModelField(fake({ $ref: "#/$defs/M", $defs: { M: model } }));
  assert.equal(registry.propertiesOf(named, "test"), { properties: { a: { type: "string", title: "A" }, b: {} }, required: new Set(["a"]) });
  const plain = new ModelField(fake({ type: "object", additionalProperties: { type: "string" } }));
  assert.equal(registry.propertiesOf(plain, "test"), { properties: {}, required: new Set() });
  const dangling = new ModelField(fake({ $ref: "#/$defs/Gone" }));
  assert.equal(registry.propertiesOf(dangling, "test"), { properties: {}, required: new Set() });
  registry.finish();
  assert.equal(registry.components(), {}, "no component for the model itself");
});

test("withFieldOptions: keyword constraints on the type they constrain, and the declaration's annotations", () => {
  const string = { type: "string" };
  assert.is(withFieldOptions(string, {}), string, "nothing to add: the same schema");
  assert.equal(withFieldOptions({ anyOf: [{ type: "string" }, { type: "null" }, { $ref: "#/x" }] }, { maxLength: 5, pattern: "^a", gt: 1 }), {
    anyOf: [{ type: "string", maxLength: 5, pattern: "^a" }, { type: "null" }, { $ref: "#/x" }],
  });
  assert.equal(withFieldOptions({ type: "array" }, { minLength: 1, maxLength: 2, pattern: "x", ge: 0 }), { type: "array", minItems: 1, maxItems: 2 });
  assert.equal(withFieldOptions({ type: "integer" }, { ge: 0, le: 9, lt: 10, multipleOf: 3 }), { type: "integer", minimum: 0, maximum: 9, exclusiveMaximum: 10, multipleOf: 3 });
  assert.equal(withFieldOptions({}, { gt: 0, minLength: 2 }), { exclusiveMinimum: 0, minLength: 2 });
  assert.equal(withFieldOptions({ anyOf: [true, { type: "number" }] }, { le: 1 }), { anyOf: [true, { type: "number", maximum: 1 }] });
  assert.equal(withFieldOptions(string, { title: "T", description: "D", examples: ["x"], deprecated: true, jsonSchemaExtra: { "x-a": 1 } }), {
    type: "string",
    title: "T",
    description: "D",
    examples: ["x"],
    deprecated: true,
    "x-a": 1,
  });
  assert.equal(withFieldOptions(string, { deprecated: false }), string);
});

test("fieldTitle: Python's str.title() and underscores as spaces", () => {
  assert.equal(["item_id", "x-token", "user_agent2x", "ünï_çode", "straße", "ßa_b", "_private_"].map(fieldTitle), ["Item Id", "X-Token", "User Agent2X", "Ünï Çode", "Straße", "Ssa B", " Private "]);
  assert.is(fieldTitle("item_id"), "Item Id", "the second time from the cache");
});

test("a validator that throws on its own schema, and one without a converter: warned, documented as {}", async () => {
  const throwing: StandardSchemaV1 = {
    "~standard": {
      version: 1,
      vendor: "thrower",
      validate: (value: unknown) => ({ value }),
      jsonSchema: {
        input: () => {
          throw "not an Error";
        },
        output: () => {
          throw new Error("no output");
        },
      },
    },
  };
  const { value, warnings } = await warned(() => document(throwing, throwing));
  assert.equal(value.request, { title: "Body" });
  assert.equal(value.response, { title: "Response X" });
  assert.equal(warnings, [
    "OpenAPI: test: not an Error; the document leaves out what cannot be expressed",
    "OpenAPI: test: no output; the document leaves out what cannot be expressed",
  ]);
});

test("zod's lenient conversion: a schema with {} is converted again to know whether it was strict", async () => {
  const { z } = await import("zod");
  const ok = await warned(() => document(z.object({ anything: z.unknown(), when: z.string().describe("when") })));
  assert.equal(ok.warnings, []);
  const lenient = await warned(() => document(z.object({ when: z.date() })));
  assert.equal(lenient.warnings.length, 1);
});

test("the order of keys: a key named __proto__ is a key like another", () => {
  const sorted = pydanticSort(JSON.parse('{"b": 1, "__proto__": {"z": 1, "a": 2}}'), "Model") as Record<string, unknown>;
  assert.equal(Object.keys(sorted), ["__proto__", "b"]);
  assert.equal(Object.keys(sorted.__proto__ as object), ["a", "z"]);
  const ordered = generationOrder(JSON.parse('{"__proto__": 1, "type": "string"}') as Record<string, unknown>);
  assert.equal(Object.keys(ordered), ["type", "__proto__"]);
  assert.is(({} as Record<string, unknown>).type, undefined);
});

test.run();
