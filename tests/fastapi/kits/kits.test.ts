// No Python counterpart: the three kits of tests/fastapi/kits answer alike through the layer
// (ModelField, as a param or body is validated), for what the twins declare and what they do not
// use yet (optional, literal, strictObject).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { ModelField, type ValidationResult } from "../../../src/fastapi/_compat/model_field.js";
import { arktypeKit } from "./arktype.js";
import { KITS } from "./differential.js";
import type { Kit, Schema } from "./kit.js";

function validate<T>(schema: Schema<T>, value: unknown, fromStrings = false): ValidationResult<T> {
  const result = new ModelField(schema).validate(value, ["body"], fromStrings);
  assert.not.instance(result, Promise, "every kit answers synchronously");
  return result as ValidationResult<T>;
}

const valueOf = <T>(schema: Schema<T>, value: unknown, fromStrings = false): T => {
  const result = validate(schema, value, fromStrings);
  assert.is(result.errors, undefined, JSON.stringify(result.errors));
  return (result as { value: T }).value;
};

const typesOf = (schema: Schema<unknown>, value: unknown): string[] => (validate(schema, value).errors ?? []).map((e) => e.type);

function eachKit(name: string, fn: (s: Kit) => void): void {
  test(name, () => {
    for (const s of KITS) {
      try {
        fn(s);
      } catch (err) {
        (err as Error).message = `${s.name}: ${(err as Error).message}`;
        throw err;
      }
    }
  });
}

eachKit("scalars, converted from request text", (s) => {
  assert.is(valueOf(s.int(), "5", true), 5);
  assert.is(valueOf(s.number(), "1.5", true), 1.5);
  assert.is(valueOf(s.boolean(), "yes", true), true);
  assert.is(valueOf(s.string(), "x", true), "x");
  assert.equal(valueOf(s.unknown(), { a: 1 }), { a: 1 });
  assert.equal(validate(s.int(), "x", true).errors?.map((e) => e.type), ["int_parsing"]);
});

eachKit("absent values: a default (a fresh copy each time), optional, or missing", (s) => {
  const list = s.withDefault(s.array(s.string()), ["a"]);
  const first = valueOf(list, undefined);
  assert.equal(first, ["a"]);
  first.push("changed");
  assert.equal(valueOf(list, undefined), ["a"]);
  assert.is(valueOf(s.orNone(s.int()), undefined), null);
  assert.is(valueOf(s.optional(s.int()), undefined), undefined);
  assert.is(valueOf(s.optional(s.int()), "7", true), 7);
  assert.equal(typesOf(s.nullable(s.int()), undefined), ["missing"]);
  assert.is(valueOf(s.nullable(s.int()), null), null);
  assert.equal(valueOf(s.withDefault(s.set(s.string()), new Set()), undefined), new Set());
});

eachKit("objects: defaults filled, optional keys left out, extra keys dropped or refused", (s) => {
  const Item = s.object({ name: s.string(), tax: s.withDefault(s.number(), 10.5), note: s.optional(s.string()), tags: s.withDefault(s.set(s.string()), new Set()) });
  const item = valueOf(Item, { name: "a", extra: 1, tags: ["x", "x"] });
  assert.equal({ ...item }, { name: "a", tax: 10.5, tags: new Set(["x"]) }, "(key order aside)");
  assert.equal(typesOf(Item, { tax: 1 }), ["missing"]);
  const Strict = s.strictObject({ a: s.int() });
  assert.equal(typesOf(Strict, { a: 1, b: 2 }), ["extra_forbidden"]);
});

eachKit("literals, enums, unions (the first member that takes the value), records, refinements, URLs", (s) => {
  assert.is(valueOf(s.literal(["a", 1]), 1), 1);
  assert.equal(typesOf(s.literal(["a", 1]), "b").length, 1);
  assert.is(valueOf(s.enum(["x", "y"]), "y"), "y");
  const Car = s.object({ kind: s.withDefault(s.string(), "car") });
  const Plane = s.object({ kind: s.withDefault(s.string(), "plane"), size: s.int() });
  assert.equal({ ...valueOf(s.union([Plane, Car]), {}) }, { kind: "car" });
  assert.equal({ ...valueOf(s.union([Plane, Car]), { size: 2 }) }, { kind: "plane", size: 2 });
  assert.equal(valueOf(s.record("int", s.number()), { "007": "1.5", "-2": 2 }), { "7": 1.5, "-2": 2 });
  assert.equal(validate(s.record("int", s.number()), { x: 1 }).errors?.map((e) => [e.type, e.loc]), [["int_parsing", ["body", "x", "[key]"]]]);
  assert.equal(valueOf(s.record("str", s.int()), { a: "1" }), { a: 1 });
  const even = s.refine(s.int(), (n) => n % 2 === 0, "must be even");
  assert.equal(validate(even, 3).errors?.map((e) => [e.type, e.msg]), [["value_error", "must be even"]]);
  assert.is(valueOf(s.httpUrl(), "HTTP://EXAMPLE.com/A"), "http://example.com/A");
  assert.equal(typesOf(s.httpUrl(), "not a url"), ["url_parsing"]);
  assert.is(s.parse(s.int(), 3), 3);
  assert.throws(() => s.parse(s.int(), "3"), (err: Error) => err.message.length > 0);
});

test("arktype: a default or optional schema stands only as a whole value or an object's property", () => {
  const s = arktypeKit;
  assert.throws(() => s.array(s.withDefault(s.int(), 0)), /only be a whole param or an object's property/);
  assert.equal(s.withDefault(s.int(), 0)["~standard"].jsonSchema?.input({ target: "draft-2020-12" }).default, 0);
  assert.is(s.optional(s.int())["~standard"].jsonSchema?.output({ target: "draft-2020-12" }).type, "integer");
});

test("parse refuses an asynchronous answer", () => {
  const async: Schema<number> = { "~standard": { version: 1, vendor: "x", validate: () => Promise.resolve({ value: 1 }) } };
  assert.throws(() => KITS[0].parse(async, 1), /answered asynchronously/);
});

test.run();
