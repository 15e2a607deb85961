// No Python test file: the JSON Schemas are the validators' own (zod 4, valibot's
// to-json-schema, arktype 2), read here as the layer reads them.
import { toStandardJsonSchema } from "@valibot/to-json-schema";
import { type } from "arktype";
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as v from "valibot";
import { z } from "zod";
import { type JsonSchema, type Shape, deref, orderKey, propertyShapes, resolveRef, shapeOf, typesOf, unwrapNullable } from "../../../src/fastapi/_compat/json_schema.ts";
import type { StandardSchemaV1 } from "../../../src/fastapi/_compat/standard_schema.ts";

const input = (s: StandardSchemaV1): Record<string, unknown> => {
  const converter = s["~standard"].jsonSchema;
  assert.ok(converter, "a JSON Schema");
  return converter.input({ target: "draft-2020-12" });
};
const vs = (s: Parameters<typeof toStandardJsonSchema>[0]) => input(toStandardJsonSchema(s) as StandardSchemaV1);

const Item = z.object({ name: z.string(), price: z.number() }).meta({ id: "Item" });
const Tree: z.ZodType = z.object({ name: z.string(), get kids() { return z.array(Tree); } });

const SHAPES: Array<[string, Record<string, unknown>, Shape]> = [
  ["zod string", input(z.string()), "scalar"],
  ["zod int with default", input(z.int().default(3)), "scalar"],
  ["zod nullable number", input(z.number().nullable()), "scalar"],
  ["zod enum", input(z.enum(["a", "b"])), "scalar"],
  ["zod literal", input(z.literal(1)), "scalar"],
  ["zod union of scalars", input(z.union([z.int(), z.string()])), "scalar"],
  ["zod array of ints", input(z.array(z.int())), "array"],
  ["zod optional array", input(z.array(z.string()).optional()), "array"],
  ["zod tuple", input(z.tuple([z.int(), z.string()])), "array"],
  ["zod array of models", input(z.array(Item)), "array"],
  ["zod object", input(z.object({ a: z.int() })), "object"],
  ["zod named object ($ref)", input(z.object({ a: Item }).shape.a), "object"],
  ["zod nullable named object", input(Item.nullable()), "object"],
  ["zod record", input(z.record(z.string(), z.int())), "object"],
  ["zod recursive", input(Tree), "object"],
  ["zod union of objects", input(z.union([z.object({ a: z.int() }), z.object({ b: z.int() })])), "object"],
  ["zod intersection", input(z.intersection(z.object({ a: z.int() }), z.object({ b: z.string() }))), "object"],
  ["zod scalar or list", input(z.union([z.int(), z.array(z.int())])), "unknown"],
  ["zod any", input(z.any()), "unknown"],
  ["zod literal of an object", { const: { a: 1 } }, "unknown"],
  ["valibot nullable", vs(v.nullable(v.number())), "scalar"],
  ["valibot picklist of mixed types", vs(v.picklist(["a", 1])), "scalar"],
  ["valibot array", vs(v.array(v.string())), "array"],
  ["valibot intersect", vs(v.intersect([v.object({ a: v.number() }), v.object({ b: v.string() })])), "object"],
  ["valibot recursive ($defs/0)", vs(v.object({ kids: v.array(v.lazy((): v.GenericSchema => v.string())) })), "object"],
  ["arktype number | null", input(type("number | null")), "scalar"],
  ["arktype literals", input(type("1 | 2")), "scalar"],
  ["arktype string[]", input(type("string[]")), "array"],
  ["arktype recursive ($ref at the root)", input(type({ name: "string", "kids?": "this[]" })), "object"],
  ["arktype Date (no JSON type)", input(type("Date")), "unknown"],
  ["a type list of object and array", { type: ["object", "array"] }, "unknown"],
  ["an empty type list", { type: [] }, "unknown"],
  ["a bare $ref cycle", { $ref: "#" }, "unknown"],
  ["false", false as unknown as Record<string, unknown>, "unknown"],
];

test("shapeOf: scalar, array, object or unknown, after unwrapping nullable", () => {
  for (const [name, schema, shape] of SHAPES) assert.is(shapeOf(schema), shape, name);
  assert.is(shapeOf(null), "unknown");
  assert.is(shapeOf({ $ref: "#/$defs/A" }, { $defs: { A: { type: "integer" } } }), "scalar");
});

test("typesOf: the type keyword, or the one the keywords imply", () => {
  assert.equal(typesOf({ type: "string" }), ["string"]);
  assert.equal(typesOf({ type: ["string", 5, "null"] }), ["string", "null"]);
  for (const keyword of ["properties", "additionalProperties", "required", "propertyNames"]) assert.equal(typesOf({ [keyword]: {} }), ["object"], keyword);
  for (const keyword of ["items", "prefixItems"]) assert.equal(typesOf({ [keyword]: {} }), ["array"], keyword);
  assert.is(typesOf({ minimum: 1 }), null);
});

test("resolveRef and deref: JSON pointers into the root", () => {
  const root: JsonSchema = { $defs: { A: { type: "string" }, "a/b": { type: "number" }, "a~b": { type: "boolean" }, "a b": { type: "null" } }, definitions: { D: true }, prefixItems: [{ type: "integer" }] };
  assert.is(resolveRef("#", root), root);
  assert.equal(resolveRef("#/$defs/A", root), { type: "string" });
  assert.equal(resolveRef("#/$defs/a~1b", root), { type: "number" });
  assert.equal(resolveRef("#/$defs/a~0b", root), { type: "boolean" });
  assert.equal(resolveRef("#/$defs/a%20b", root), { type: "null" });
  assert.is(resolveRef("#/definitions/D", root), true);
  assert.equal(resolveRef("#/prefixItems/0", root), { type: "integer" });
  assert.is(resolveRef("#/$defs/Nope", root), undefined);
  assert.is(resolveRef("#/$defs/A/type/x", root), undefined, "through a string");
  assert.is(resolveRef("#/prefixItems", root), undefined, "an array is no schema");
  assert.is(resolveRef("other.json#/x", root), undefined);
  assert.equal(deref({ $ref: "#/$defs/B" }, { $defs: { B: { $ref: "#/$defs/C" }, C: { type: "string" } } }), { type: "string" });
  assert.is(deref({ $ref: "#/$defs/B" }, { $defs: { B: { $ref: "#/$defs/B" } } }), true, "a cycle of bare refs is anything");
  assert.is(deref({ $ref: "#/nope" }, {}), true);
  assert.is(deref(false, {}), false);
});

test("unwrapNullable: type lists, anyOf/oneOf with null, OpenAPI's nullable", () => {
  assert.equal(unwrapNullable({ type: ["number", "null"], minimum: 1 }, true), { schema: { type: "number", minimum: 1 }, nullable: true });
  assert.equal(unwrapNullable({ type: ["number", "string", "null"] }, true), { schema: { type: ["number", "string"] }, nullable: true });
  assert.equal(unwrapNullable({ anyOf: [{ type: "integer" }, { type: "null" }] }, true), { schema: { type: "integer" }, nullable: true });
  assert.equal(unwrapNullable({ oneOf: [{ type: "null" }, { type: "integer" }, { type: "string" }] }, true), { schema: { oneOf: [{ type: "integer" }, { type: "string" }] }, nullable: true });
  assert.equal(unwrapNullable({ anyOf: [{ $ref: "#/$defs/I" }, { type: "null" }] }, { $defs: { I: { type: "object" } } }), { schema: { type: "object" }, nullable: true });
  assert.equal(unwrapNullable({ type: "integer", nullable: true }, true), { schema: { type: "integer" }, nullable: true });
  assert.equal(unwrapNullable({ anyOf: [{ type: "null" }] }, true), { schema: { anyOf: [{ type: "null" }] }, nullable: false });
  assert.equal(unwrapNullable({ anyOf: [{ type: "null", const: null }, { type: "integer" }] }, true).nullable, false, "a literal None is not the null type");
  assert.equal(unwrapNullable({ type: ["null"] }, true).nullable, false);
  assert.equal(unwrapNullable(true, true), { schema: true, nullable: false });
});

test("propertyShapes: a model's properties in its order, with their defaults but null, for reading it from a request", () => {
  const of = (jsonSchema: Record<string, unknown> | null) => propertyShapes({ jsonSchema });
  assert.equal(of(input(z.object({ q: z.string(), tags: z.array(z.string()).default([]), page: z.int().nullable().default(null), m: Item, n: z.int().default(5) }))), [
    ["q", "scalar", undefined],
    ["tags", "array", []],
    ["page", "scalar", undefined],
    ["m", "object", undefined],
    ["n", "scalar", 5],
  ]);
  assert.equal(of(vs(v.intersect([v.object({ a: v.number() }), v.object({ b: v.array(v.string()), a: v.string() })]))), [
    ["a", "scalar", undefined],
    ["b", "array", undefined],
  ]);
  assert.equal(of(input(Item.nullable())), [
    ["name", "scalar", undefined],
    ["price", "scalar", undefined],
  ]);
  assert.equal(of({ properties: { a: { $ref: "#/$defs/A" } }, $defs: { A: { type: "integer", default: 1 } } }), [["a", "scalar", 1]], "a default behind a $ref");
  assert.equal(of({ allOf: [{ $ref: "#" }] }), [], "a self-reference is read once");
  assert.equal(of(null), []);
  assert.equal(of({ $ref: "#/nope" }), []);
  assert.equal(of(input(z.string())), []);
  const field = { jsonSchema: input(Item) };
  assert.is(propertyShapes(field), propertyShapes(field), "read once per field");
});

test("orderKey: property index, extra keys after them in input order, item index", () => {
  const schema: JsonSchema = {
    type: "object",
    properties: { b: { type: "integer" }, a: { type: "array", items: { $ref: "#/$defs/P" } }, u: { anyOf: [{ type: "object", properties: { x: {} } }, { type: "object", properties: { y: {}, z: {} } }, { type: "null" }] }, t: { type: "array", prefixItems: [{ type: "object", properties: { p: {}, q: {} } }] }, n: { anyOf: [{ type: "string" }, { type: "array", items: { type: "object", properties: { k: {}, j: {} } } }] } },
    additionalProperties: { type: "object", properties: { m: {}, l: {} } },
    $defs: { P: { type: "object", properties: { y: {}, x: {} } } },
  };
  const value = { z: 1, a: [{}, {}], extra: { l: 1 }, u: { q: 1 } };
  const key = (...path: Array<string | number>) => orderKey(schema, schema, value, path);
  assert.equal(key("b"), [0]);
  assert.equal(key("a", 1, "x"), [1, 1, 1]);
  assert.equal(key("u", "z"), [2, 1], "the union member that declares the key");
  assert.equal(key("u", "q"), [2, 1], "else the first object member, then the input's order");
  assert.equal(key("t", 0, "q"), [3, 0, 1]);
  assert.equal(key("t", 1, "q"), [3, 1, 0], "past a tuple's prefix");
  assert.equal(key("n", 0, "j"), [4, 0, 1], "the array member of a union");
  assert.equal(key("z"), [5]);
  assert.equal(key("extra", "l"), [7, 1], "an extra key's schema is additionalProperties");
  assert.equal(key("missing"), [9], "a key not in the input comes last");
  assert.equal(orderKey({ anyOf: [{ type: "string" }] }, true, [], [0, "a"]), [0, 0]);
  assert.equal(orderKey({ oneOf: [{ type: "array", prefixItems: [{ properties: { e: {}, f: {} } }] }] }, true, [], [0, "f"]), [0, 1]);
  assert.equal(orderKey({ anyOf: [true, {}, { type: "array", items: { properties: { c: {}, d: {} } } }] }, true, [], [0, "d"]), [0, 1]);
  assert.equal(orderKey(true, true, "x", ["a", 0, "b"]), [0, 0, 0]);
  assert.equal(orderKey({ type: "array", items: true }, true, [[1]], [0, 0]), [0, 0]);
  assert.equal(orderKey({ prefixItems: [true] }, true, [[1]], [0, 0]), [0, 0]);
});

test.run();
