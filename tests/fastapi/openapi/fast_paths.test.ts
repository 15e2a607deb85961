// The shortcuts that make the OpenAPI document quick to build (bench/openapi.ts), each held to
// the slow way it stands for: the one-pass dump of schemas (models.ts) against the dump by the
// models, pydanticSort done while dumping against pydanticSort first, request schemas normalised
// once per JSON text against each normalised on its own (schemas.ts).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { ModelField } from "../../../src/fastapi/_compat/model_field.js";
import type { StandardSchemaV1 } from "../../../src/fastapi/_compat/standard_schema.js";
import { dumpOpenapi, dumpOptions, openapiJson, pydanticSort, setKeyOrder } from "../../../src/fastapi/openapi/models.js";
import { SchemaRegistry } from "../../../src/fastapi/openapi/schemas.js";

type Json = Record<string, unknown>;

const many = (n: number, value: (i: number) => unknown): Json => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${String(n - i).padStart(2, "0")}`, value(i)]));

function ordered(keys: string[], value: Json): Json {
  setKeyOrder(value, keys);
  return value;
}

/** Schemas of every kind the one-pass dump takes, and of each kind it leaves to the models. */
const SCHEMAS: Record<string, () => Json> = {
  plain: () => ({ title: "T", type: "object", properties: { b: { type: "string", title: "B" }, a: { type: ["integer", "null"], minimum: 1, maximum: 2.5 } }, required: ["b"] }),
  refs: () => ({ anyOf: [{ $ref: "#/components/schemas/A\u0000v" }, { type: "null" }, true], items: false, not: { $ref: "x" } }),
  floats: () => ({ type: "number", exclusiveMinimum: 0, exclusiveMaximum: 1.5, multipleOf: 2, minLength: 0 }),
  annotations: () => ({ deprecated: true, readOnly: false, default: { z: 1, a: { y: null, b: [{ d: 1, c: 2 }] } }, const: [3, { b: 1, a: 1 }], example: "e", examples: [{ b: 1, a: 2 }, null, 1], enum: ["x", { b: 1, a: null }, null] }),
  extras: () => ({ "x-b": { b: 1, a: null, $ref: "#/components/schemas/A\u0000s" }, "x-a": null, "x-c": [{ b: 1, a: 2 }], type: "string", "x-u": undefined }),
  nulls: () => ({ title: null, items: null, type: "array", minItems: undefined }),
  dicts: () => ({ properties: { z: true, a: { type: "string" }, u: undefined }, patternProperties: { "^b": { type: "string" }, "^a": false }, $defs: { B: { type: "string" }, A: { properties: { default: { type: "string", title: "D" } } } } }),
  "properties named default and properties": () => ({ properties: { default: { type: "string", title: "D", b: 1, a: 2 }, properties: { z: 1, a: 2, type: "object" } } }),
  "types and required": () => ({ type: ["string", "null"], required: ["b", "a"], dependentSchemas: { b: { required: ["a"] } } }),
  "many fields out of order": () => ({
    example: 1, examples: [1], deprecated: true, default: 1, description: "d", title: "t", format: "f", required: ["a"], minProperties: 1, maxProperties: 2,
    minItems: 1, maxItems: 2, pattern: "p", minLength: 1, maxLength: 2, exclusiveMinimum: 1, minimum: 1, exclusiveMaximum: 2, maximum: 2, type: "object",
  }),
  "many extras": () => many(20, (i) => ({ [`v${i % 3}`]: i, a: i })),
  "kept order": () => ({ properties: ordered(["b", "a"], { a: { type: "string" }, b: { type: "string" } }), type: "object" }),
  // What the one-pass dump leaves to the models: lax values, wrong types, the other models' fields.
  "str field not a string": () => ({ title: 5, type: "string" }),
  "bool field from a string": () => ({ deprecated: "yes", type: "string" }),
  "negative int": () => ({ minLength: -1 }),
  "fractional int": () => ({ maxLength: 1.5 }),
  "int from a string": () => ({ minItems: "3" }),
  "float from a string": () => ({ minimum: "1.5" }),
  "zero multipleOf": () => ({ multipleOf: 0 }),
  "subschema a number": () => ({ items: 5 }),
  "subschema a list": () => ({ not: [{ type: "string" }] }),
  "subschema list not a list": () => ({ anyOf: { type: "string" } }),
  "subschema list with a null": () => ({ anyOf: [{ type: "string" }, null] }),
  "subschema list with a bad member": () => ({ allOf: [{ type: "string" }, { minLength: -1 }] }),
  "subschema dict a list": () => ({ properties: [{ type: "string" }] }),
  "subschema dict with a bad value": () => ({ properties: { a: { type: "string" }, b: 5 } }),
  "type unknown": () => ({ type: "text" }),
  "types with an unknown one": () => ({ type: ["string", "text"] }),
  "type a number": () => ({ type: 5 }),
  "enum not a list": () => ({ enum: "x" }),
  "required not a list": () => ({ required: "a" }),
  "required with a number": () => ({ required: ["a", 1] }),
  discriminator: () => ({ oneOf: [{ $ref: "#/components/schemas/A\u0000v" }], discriminator: { propertyName: "k", mapping: { b: "B", a: "A" } } }),
  xml: () => ({ type: "string", xml: { name: "n", wrapped: true } }),
  "external docs": () => ({ type: "string", externalDocs: { url: "https://example.com/", description: "d" } }),
  "dependent required": () => ({ dependentRequired: { b: ["a"], a: ["b"] } }),
  "nested bad value": () => ({ type: "object", properties: { a: { type: "object", properties: { b: { title: 5 } } } } }),
};

const REF = (ref: string): string => ref.replace(/\u0000[vs]$/, "");

/** A document of each schema: in a response's content (MediaType.schema) and in components.schemas (sorted there as pydantic sorts its definitions). */
function documentOf(schema: () => Json, sorted: boolean): { output: Json; sorts: Map<object, string> } {
  const component = schema();
  const sorts = new Map<object, string>([[component, "M"]]);
  const output = {
    openapi: "3.1.0",
    info: { title: "T", version: "1" },
    paths: { "/a": { get: { responses: { 200: { description: "OK", content: { "application/json": { schema: schema() } } } } } } },
    components: { schemas: { M: sorted ? pydanticSort(component, "M") : component, N: { type: "string" } } },
  };
  return { output, sorts };
}

function written(output: Json, sorts?: Map<object, string>, fast = true): string {
  dumpOptions.fastSchemas = fast;
  try {
    return openapiJson(dumpOpenapi(output, REF, sorts));
  } finally {
    dumpOptions.fastSchemas = true;
  }
}

for (const [name, schema] of Object.entries(SCHEMAS)) {
  test(`one-pass dump of a schema = the models' dump: ${name}`, () => {
    const slow = written(documentOf(schema, true).output, undefined, false);
    assert.is(written(documentOf(schema, true).output), slow, "a sorted schema, dumped in one pass");
    const { output, sorts } = documentOf(schema, false);
    assert.is(written(output, sorts), slow, "sorted while it is dumped");
    const again = documentOf(schema, false);
    assert.is(written(again.output, again.sorts, false), slow, "sorted first, then dumped by the models");
  });
}

test("the one-pass dump is the one taken: its output differs from the input's order", () => {
  const text = written(documentOf(SCHEMAS["many fields out of order"], false).output);
  assert.ok(text.indexOf('"type":"object"') < text.indexOf('"title":"t"'), "type before title, as the Schema model orders them");
  assert.ok(text.includes('"minimum":1.0'), "float fields as floats");
});

// ---------------------------------------------------------------- request schemas normalised once per text

function fake(input: Json, vendor = "test"): StandardSchemaV1 {
  return { "~standard": { version: 1, vendor, validate: (value: unknown) => ({ value }), jsonSchema: { input: () => input, output: () => input } } };
}

function schemaOf(registry: SchemaRegistry, input: Json, vendor?: string): Json {
  return registry.schemaOf(new ModelField(fake(input, vendor), { name: "p" }), "validation", "test", "P");
}

test("request schemas of the same JSON text: normalised once, unless their values differ where JSON cannot tell", () => {
  const registry = new SchemaRegistry();
  const first = schemaOf(registry, { type: "integer", minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER });
  const second = schemaOf(registry, { type: "integer", minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER });
  assert.equal(first, { type: "integer", title: "P" });
  assert.equal(second, first);
  // `items: undefined` is not written in JSON, but "items" in the schema: no `items: {}` added.
  assert.equal(schemaOf(registry, { type: "array", items: undefined }), { type: "array", items: undefined, title: "P" });
  assert.equal(schemaOf(registry, { type: "array" }), { type: "array", items: {}, title: "P" });
  assert.equal(schemaOf(registry, { type: "array", items: { type: "string" }, default: [undefined] }), { type: "array", items: { type: "string" }, default: [undefined], title: "P" });
  assert.equal(schemaOf(registry, { type: "array", items: { type: "string" }, default: [null] }), { type: "array", items: { type: "string" }, default: [null], title: "P" });
  assert.equal(schemaOf(registry, { type: "object", default: { a: 1, b: undefined } }), { type: "object", default: { a: 1, b: undefined }, title: "P" });
  assert.equal(schemaOf(registry, { type: "object", default: { a: 1 } }), { type: "object", default: { a: 1 }, title: "P" });
  assert.equal(schemaOf(registry, { type: "object", default: { b: undefined, a: 1 } }), { type: "object", default: { b: undefined, a: 1 }, title: "P" });
  const bare = Object.assign(Object.create(null) as Json, { a: 1 });
  assert.equal(schemaOf(registry, { type: "object", default: bare }).default, bare);
  assert.equal(schemaOf(registry, { type: "object", default: { a: 1 } }).default, { a: 1 });
  // An array whose JSON is another's (its own toJSON).
  assert.equal(schemaOf(registry, { type: "array", default: [1] }).default, [1]);
  assert.equal(schemaOf(registry, { type: "array", default: Object.assign([1, 2], { toJSON: () => [1] }) }).default, [1, 2]);
  // No JSON text at all: normalised on its own.
  assert.equal(schemaOf(registry, { type: "integer", default: 10n }), { type: "integer", default: 10n, title: "P" });
  // A schema that names a model is no leaf.
  assert.equal(schemaOf(registry, { type: "object", title: "Named", properties: { a: { type: "string" } } }), { $ref: "#/components/schemas/Named\u0000v" });
});

test("zod's lenient conversion is found in lists too", () => {
  const registry = new SchemaRegistry();
  assert.equal(schemaOf(registry, { anyOf: [{ type: "string" }, {}] }, "zod"), { anyOf: [{ type: "string" }, {}], title: "P" });
});

test("refs the registry did not make are written as they are", () => {
  const registry = new SchemaRegistry();
  registry.finish();
  for (const ref of ["x", "#/components/schemas/A\u0000x", "#/components/schemas/A"]) assert.is(registry.ref(ref), ref);
  assert.is(registry.ref("#/components/schemas/A\u0000v"), "#/components/schemas/A");
});

test("a model named twice: its lists compared", () => {
  const registry = new SchemaRegistry();
  registry.model("M", { enum: [1, 2] }, "validation", "first");
  registry.model("M", { enum: [1, 2] }, "validation", "again");
  assert.throws(() => registry.model("M", { enum: [1] }, "validation", "second"), /Two different schemas are named "M"/);
  assert.throws(() => registry.model("M", { enum: [1, 3] }, "validation", "second"), /Two different schemas are named "M"/);
  assert.throws(() => registry.model("M", { enum: { 0: 1, 1: 2 } }, "validation", "third"), /Two different schemas are named "M"/);
});

test.run();
