// No Python test file: pydantic-core's lax validators (tests/validators/test_int.py and its
// neighbours) are the model. The converter compiled from each validator's JSON Schema must
// give pydantic's value, or pydantic's exact errors for what the layer reports itself.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { type ErrorDetails, LAX_ERROR_TYPES } from "../../../src/fastapi/_compat/errors.ts";
import { compileConverter, compileLax } from "../../../src/fastapi/_compat/lax.ts";
import { type } from "arktype";
import { z } from "zod";
import { ROWS, VENDORS, describe, differs, jsonable, oracle, sameValue } from "./pydantic_table.ts";

const outcomes = oracle(ROWS);
const T = { target: "draft-2020-12" } as const;

if (outcomes !== null) {
  test("the converter gives pydantic's values and layer errors, for every row and every validator", () => {
    let checked = 0;
    ROWS.forEach((row, r) => {
      for (const vendor of VENDORS) {
        const schema = row.schemas[vendor]["~standard"].jsonSchema?.input(T);
        assert.ok(schema, `${vendor} has a JSON Schema for ${row.py}`);
        const convert = compileConverter(schema);
        row.inputs.forEach((input, i) => {
          if (differs(row, vendor, input, true) !== undefined) return;
          const expected = outcomes[r][i];
          const errors: ErrorDetails[] = [];
          const loc: Array<string | number> = [];
          const out = convert(input, loc, errors);
          const what = `${vendor}: ${describe(row, input)}`;
          assert.equal(loc, [], `${what}: loc is restored`);
          const mine = jsonable(errors);
          if (expected.errors === undefined) {
            assert.equal(mine, [], `${what}: no error`);
            assert.ok(sameValue(jsonable(out), jsonable(expected.value), true), `${what}: ${JSON.stringify(jsonable(out))} is ${JSON.stringify(jsonable(expected.value))}`);
          } else if (row.union) {
            // Errors inside a union are the validator's to report.
            assert.equal(mine, [], `${what}: a union reports nothing`);
          } else {
            const layer = expected.errors.filter((e) => LAX_ERROR_TYPES.has(e.type));
            assert.equal(mine, layer, `${what}: the layer's errors are pydantic's`);
          }
          checked++;
        });
      }
    });
    assert.ok(checked > 500, `${checked} cases`);
  });
}

// A dict with int keys (Python's dict[int, float], zod's z.record(z.int(), z.number())).
const INT_KEYS = { py: "Dict[int, float]", inputs: [{ "1": 2.5, "-2": 3.5, "007": 0.5 }, { foo: 3.5, "1": "heavy" }, { " 1": "2", "1_0": 1 }, { "1": 1.5, "01": 2.5 }] };
const intKeyOutcomes = oracle([{ ...INT_KEYS, schemas: {} as never }]);

if (intKeyOutcomes !== null) {
  test("a dict's int keys: converted as pydantic converts them, a bad one reported at [key, \"[key]\"]", () => {
    const schema = z.record(z.int(), z.number())["~standard"].jsonSchema.input(T);
    for (const [name, convert] of [
      ["zod's pattern", compileConverter(schema)],
      ["type integer, through a $ref", compileConverter({ type: "object", propertyNames: { $ref: "#/$defs/K" }, additionalProperties: { type: "number" }, $defs: { K: { type: "integer" } } })],
      // arktype's record of string.integer keys (refusing other keys): patternProperties.
      ["arktype's patternProperties", compileConverter(type({ "[string.integer]": "number" }).onUndeclaredKey("reject")["~standard"].jsonSchema.input(T))],
    ] as const) {
      INT_KEYS.inputs.forEach((input, i) => {
        const errors: ErrorDetails[] = [];
        const out = convert(input, ["body"], errors);
        const expected = intKeyOutcomes[0][i];
        const what = `${name}: ${JSON.stringify(input)}`;
        if (expected.errors === undefined) {
          assert.equal(errors, [], what);
          assert.equal(out, expected.value, what);
        } else {
          assert.equal(errors, expected.errors.map((e) => ({ ...e, loc: ["body", ...e.loc] })), what);
        }
      });
    }
  });
}

test("a dict's int keys: only canonical ones are an exact match; other key schemas convert nothing", () => {
  const ints = compileLax({ type: "object", propertyNames: { type: "integer" }, additionalProperties: { type: "number" } });
  assert.ok(ints.exact({ "1": 1.5, "-2": 2 }));
  assert.not.ok(ints.exact({ "01": 1.5 }));
  assert.not.ok(ints.exact({ x: 1.5 }));
  for (const propertyNames of [{ type: "string" }, { type: "string", pattern: "^a" }, true]) {
    assert.equal(compileConverter({ type: "object", propertyNames, additionalProperties: { type: "number" } })({ "01": "1" }, [], []), { "01": 1 });
  }
  // Other patterns, or arktype's beside another: no int keys, no values' schema known.
  const arkInt = "^(?:(?!^-0$)-?(?:(?:0|[1-9]\\d*)))$";
  for (const patternProperties of [{ "^a": { type: "number" } }, { [arkInt]: { type: "number" }, "^a": { type: "number" } }]) {
    assert.equal(compileConverter({ type: "object", patternProperties })({ "01": "1" }, [], []), { "01": "1" });
  }
});

test("a __proto__ key is copied as data: no prototype changes", () => {
  const convert = compileConverter({ type: "object", properties: { a: { type: "integer" } }, additionalProperties: { type: "integer" } });
  const input = JSON.parse('{"__proto__": {"polluted": 1}, "a": "1"}') as Record<string, unknown>;
  const errors: ErrorDetails[] = [];
  const out = convert(input, [], errors) as Record<string, unknown>;
  assert.is(Object.getPrototypeOf(out), Object.prototype);
  assert.ok(Object.hasOwn(out, "__proto__"), "an own __proto__ key");
  assert.is(({} as Record<string, unknown>).polluted, undefined);
  assert.is(out.polluted, undefined);
  assert.equal(errors.map((e) => e.loc), [["__proto__"]]);
  assert.is(out.a, 1);
  // A dict of anything keeps the key as data too.
  const dict = compileConverter({ type: "object", required: ["__proto__"] })(input, [], []) as Record<string, unknown>;
  assert.is(Object.getPrototypeOf(dict), Object.prototype);
  assert.equal(Object.keys(dict), ["__proto__", "a"]);
});

test("recursive schemas compile lazily: $ref '#' and $defs", () => {
  const tree = { type: "object", properties: { n: { type: "integer" }, kids: { type: "array", items: { $ref: "#" } } }, required: ["n"] };
  const errors: ErrorDetails[] = [];
  const out = compileConverter(tree)({ n: "1", kids: [{ n: "2", kids: [{ n: "x" }, {}] }] }, ["body"], errors);
  assert.equal(out, { n: 1, kids: [{ n: 2, kids: [{ n: "x" }, {}] }] });
  assert.equal(
    errors.map((e) => [e.type, e.loc]),
    [
      ["int_parsing", ["body", "kids", 0, "kids", 0, "n"]],
      ["missing", ["body", "kids", 0, "kids", 1, "n"]],
    ],
  );
  const defs = { $ref: "#/$defs/A", $defs: { A: { anyOf: [{ type: "null" }, { type: "object", properties: { next: { $ref: "#/$defs/A" }, v: { type: "number" } } }] } } };
  assert.equal(compileConverter(defs)({ v: "1", next: { v: "2", next: null } }, [], []), { v: 1, next: { v: 2, next: null } });
  // A ref that leads nowhere takes anything.
  assert.equal(compileConverter({ $ref: "#/$defs/Nope" })("x", [], []), "x");
});

test("keywords: type lists, allOf, const/enum, binary, items false, optional tuple items", () => {
  const errors: ErrorDetails[] = [];
  assert.is(compileConverter({ type: ["integer", "string"] })("5", [], errors), "5");
  assert.is(compileConverter({ type: ["integer", "boolean"] })("5", [], errors), 5);
  assert.is(compileConverter({ type: [] })("5", [], errors), "5");
  assert.is(compileConverter({ type: "weird" })("5", [], errors), "5");
  assert.is(compileConverter(true)("5", [], errors), "5");
  assert.is(compileConverter({ const: 1, type: "integer" })("1", [], errors), "1");
  assert.is(compileConverter({ type: "string", format: "binary" })(5, [], errors), 5);
  const both = { allOf: [{ type: "object", properties: { a: { type: "integer" } } }, { type: "object", properties: { b: { type: "number" } } }] };
  assert.equal(compileConverter(both)({ a: "1", b: "2.5" }, [], errors), { a: 1, b: 2.5 });
  assert.equal(errors, []);
  assert.equal(compileConverter(both)({ a: "x", b: "y" }, [], errors), { a: "x", b: "y" });
  assert.equal(errors.map((e) => e.loc), [["a"]], "allOf stops at the first member that fails");
  const pair = { type: "array", prefixItems: [{ type: "integer" }, { type: "integer" }], minItems: 1 };
  assert.equal(compileConverter(pair)(["1"], [], []), [1], "an item past minItems is optional");
  assert.equal(compileConverter(pair)(["1", "2", "x"], [], []), [1, 2, "x"], "items past a tuple without `items` stay");
  assert.equal(compileConverter({ type: "array", items: false })([1], [], []), [1]);
  const extraRequired: ErrorDetails[] = [];
  compileConverter({ type: "object", properties: { a: {} }, required: ["a", "b"] })({ a: 1 }, [], extraRequired);
  assert.equal(extraRequired.map((e) => [e.type, e.loc]), [["missing", ["b"]]], "a required key without a property");
  assert.equal(compileConverter({ type: "object", required: ["b"], additionalProperties: false })({ b: "1" }, [], []), { b: "1" });
});

test("exact matches decide unions: pydantic's smart mode", () => {
  const node = compileLax({ anyOf: [{ const: "a" }, { type: "integer" }, { type: "array", items: { type: "integer" } }, { type: "object", properties: { x: { type: "integer" } }, required: ["x"], additionalProperties: false }] });
  assert.is(node.convert("5", [], []), 5, "a literal member does not stop a later one from converting");
  assert.is(node.convert("a", [], []), "a");
  assert.equal(node.convert(["1"], [], []), [1]);
  assert.equal(node.convert({ x: "1" }, [], []), { x: 1 });
  assert.equal(node.convert({ x: 1, y: 2 }, [], []), { x: 1, y: 2 }, "no member takes it: left as it was");
  assert.ok(node.exact({ x: 1 }));
  assert.not.ok(node.exact({ x: 1, y: 1 }));
  assert.not.ok(node.exact({}));
  assert.not.ok(node.exact([1, "x"]));
  const tuple = compileLax({ type: "array", prefixItems: [{ type: "integer" }], items: false, minItems: 1 });
  assert.not.ok(tuple.exact([]));
  assert.not.ok(tuple.exact([1, 2]));
  assert.ok(tuple.exact([1]));
  const dict = compileLax({ type: "object", additionalProperties: { type: "integer" } });
  assert.ok(dict.exact({ a: 1 }));
  assert.not.ok(dict.exact({ a: "1" }));
  assert.not.ok(dict.exact([]));
  assert.ok(compileLax({ enum: [{ a: 1 }] }).exact({ b: 2 }), "an object in an enum: left to the validator");
});
test.run();
