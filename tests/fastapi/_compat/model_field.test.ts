// No Python test file: FastAPI's ModelField.validate (fastapi/_compat/v2.py) run by pydantic is
// the model; tests/python/pydantic_lax_oracle.py runs it for the table of pydantic_table.ts.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { toStandardJsonSchema } from "@valibot/to-json-schema";
import * as v from "valibot";
import { z } from "zod";
import { type ErrorDetails, LAX_ERROR_TYPES } from "../../../src/fastapi/_compat/errors.ts";
import { compileConstraints } from "../../../src/fastapi/_compat/constraints.ts";
import type { FieldOptions } from "../../../src/fastapi/params.ts";
import { ModelField, type ValidationResult } from "../../../src/fastapi/_compat/model_field.ts";
import type { StandardSchemaV1 } from "../../../src/fastapi/_compat/standard_schema.ts";
import { ROWS, VENDORS, describe, differs, jsonable, oracle, sameValue } from "./pydantic_table.ts";

const outcomes = oracle(ROWS);
const vInt = () => v.pipe(v.number(), v.integer());

function sync<T>(result: ValidationResult<T> | Promise<ValidationResult<T>>): ValidationResult<T> {
  assert.not.instance(result, Promise, "a synchronous validator answers synchronously");
  return result as ValidationResult<T>;
}

/** Ours against pydantic's: type, loc, input always; msg for the layer's own errors; ctx where we give one. */
function compareErrors(mine: ErrorDetails[], theirs: ErrorDetails[], what: string): void {
  const brief = (list: ErrorDetails[]) => list.map((e) => `${e.type}@${JSON.stringify(e.loc)}`).join(", ");
  assert.is(brief(mine), brief(theirs), `${what}: the same errors in the same order`);
  mine.forEach((e, i) => {
    const p = theirs[i];
    assert.equal(jsonable(e.input), p.input, `${what}: input of ${e.type}`);
    if (LAX_ERROR_TYPES.has(e.type)) {
      assert.is(e.msg, p.msg, `${what}: pydantic's message for ${e.type}`);
      assert.equal(e.ctx, p.ctx, `${what}: ctx of ${e.type}`);
    } else if (e.ctx !== undefined) {
      assert.equal(e.ctx, p.ctx, `${what}: ctx of ${e.type}`);
    }
  });
}

if (outcomes !== null) {
  test("ModelField.validate gives pydantic's outcome for the table, with zod, valibot and arktype", () => {
    let checked = 0;
    ROWS.forEach((row, r) => {
      for (const vendor of VENDORS) {
        const field = new ModelField(row.schemas[vendor]);
        row.inputs.forEach((input, i) => {
          if (differs(row, vendor, input) !== undefined) return;
          const what = `${vendor}: ${describe(row, input)}`;
          const expected = outcomes[r][i];
          const result = sync(field.validate(input, ["body"], typeof input === "string"));
          // Converting first or validating first: the same outcome.
          assert.equal(sync(field.validate(input, ["body"], typeof input !== "string")), result, `${what}: either order`);
          if (expected.errors === undefined) {
            assert.is(result.errors, undefined, `${what}: ${JSON.stringify(result.errors)}`);
            const value = (result as { value: unknown }).value;
            assert.ok(sameValue(jsonable(value), jsonable(expected.value)), `${what}: ${JSON.stringify(jsonable(value))} is ${JSON.stringify(expected.value)}`);
          } else {
            assert.ok(result.errors, `${what}: fails`);
            if (!row.union) {
              const theirs = expected.errors.map((e) => ({ ...e, loc: ["body", ...e.loc] }));
              compareErrors(result.errors as ErrorDetails[], theirs, what);
            }
          }
          checked++;
        });
      }
    });
    assert.ok(checked > 500, `${checked} cases`);
  });
}

test("absent values: the default, undefined when optional, else pydantic's missing", () => {
  assert.equal(sync(new ModelField(z.int().default(10)).validate(undefined, ["query", "limit"])), { value: 10 });
  assert.equal(sync(new ModelField(z.int().optional()).validate(undefined, ["query", "q"])), { value: undefined });
  assert.equal(sync(new ModelField(z.int()).validate(undefined, ["query", "q"])), { errors: [{ type: "missing", loc: ["query", "q"], msg: "Field required", input: null }] });
  assert.equal(sync(new ModelField(v.optional(v.string(), "d")).validate(undefined, ["header", "x"])), { value: "d" });
  const required = new ModelField(z.string());
  assert.is(required.required, true);
  assert.is(required.required, true, "computed once");
  assert.is(new ModelField(z.string().default("x")).required, false);
});

test("the field's JSON Schemas and shape", () => {
  const field = new ModelField(z.object({ n: z.string().transform((s) => s.length) }), { name: "Body" });
  assert.is(field.name, "Body");
  assert.is(field.vendor, "zod");
  assert.is(field.shape, "object");
  assert.equal(field.jsonSchema?.properties, { n: { type: "string" } });
  assert.equal(field.outputJsonSchema?.properties, { n: {} }, "zod cannot write a transform's output: {}");
  assert.is(field.outputJsonSchema, field.outputJsonSchema, "computed once");
  assert.equal(new ModelField(z.int()).outputJsonSchema?.type, "integer");
  assert.is(new ModelField(v.string()).jsonSchema, null, "valibot without toStandardJsonSchema");
  assert.is(new ModelField(v.string()).shape, "unknown");
  assert.is(new ModelField(v.string()).outputJsonSchema, null);
});

test("a part zod or valibot cannot write in JSON Schema is {} (their lenient options); the rest still converts", () => {
  const zod = new ModelField(z.object({ when: z.date(), n: z.int() }));
  assert.equal(zod.jsonSchema?.properties, { when: {}, n: { type: "integer", minimum: -9007199254740991, maximum: 9007199254740991 } });
  const when = new Date(0);
  assert.equal(sync(zod.validate({ when, n: "5" }, ["body"])), { value: { when, n: 5 } });
  const valibot = new ModelField(toStandardJsonSchema(v.object({ when: v.date(), n: v.number() })) as StandardSchemaV1);
  assert.equal(sync(valibot.validate({ when, n: "5" }, ["body"])), { value: { when, n: 5 } });
  assert.equal(new ModelField(z.date()).jsonSchema, { $schema: "https://json-schema.org/draft/2020-12/schema" }, "nothing left: anything");
  assert.is(new ModelField(z.date()).shape, "unknown");
  assert.is(new ModelField(z.map(z.string(), z.int())).shape, "unknown");
});

/** A Standard Schema written by hand: integers, answered synchronously or not. */
function handWritten(options: { async?: boolean; jsonSchema?: "yes" | "throws"; vendor?: string }): StandardSchemaV1<unknown, number> {
  const validate = (value: unknown): StandardSchemaV1.Result<number> | Promise<StandardSchemaV1.Result<number>> => {
    const result: StandardSchemaV1.Result<number> = Number.isInteger(value) ? { value: value as number } : { issues: [{ message: "not an integer" }] };
    return options.async ? Promise.resolve(result) : result;
  };
  const schema = () => {
    if (options.jsonSchema === "throws") throw new Error("no");
    return { type: "integer" };
  };
  return { "~standard": { version: 1, vendor: options.vendor ?? "hand", validate, jsonSchema: options.jsonSchema ? { input: schema, output: schema } : undefined } };
}

test("a validator without JSON Schema: no conversion, its issues under the loc", () => {
  const throwing = [handWritten({ jsonSchema: "throws" }), handWritten({ jsonSchema: "throws", vendor: "zod" })];
  for (const field of [new ModelField(handWritten({})), ...throwing.map((s) => new ModelField(s))]) {
    assert.is(field.jsonSchema, null);
    assert.equal(sync(field.validate("5", ["query", "q"], true)), { errors: [{ type: "value_error", loc: ["query", "q"], msg: "not an integer", input: "5" }] });
    assert.equal(sync(field.validate(5, ["query", "q"], true)), { value: 5 });
  }
  const valibot = new ModelField(v.object({ price: v.number(), name: v.string() }));
  assert.equal(sync(valibot.validate({ price: "1" }, ["body"])), {
    errors: [
      { type: "float_type", loc: ["body", "price"], msg: 'Invalid type: Expected number but received "1"', input: "1" },
      { type: "missing", loc: ["body", "name"], msg: 'Invalid key: Expected "name" but received undefined', input: { price: "1" } },
    ],
  });
});

test("an asynchronous validator: a Promise, on every path", async () => {
  const field = new ModelField(handWritten({ async: true, jsonSchema: "yes" }));
  assert.is(field.required, true, "asked asynchronously: required");
  const answers = [field.validate(undefined, ["q"]), field.validate("5", ["q"], true), field.validate("5", ["q"]), field.validate(5, ["q"]), field.validate(5.5, ["q"]), field.validate("x", ["q"])];
  for (const a of answers.slice(0, 5)) assert.instance(a, Promise);
  assert.not.instance(answers[5], Promise, "a conversion error at the value itself needs no validator");
  assert.equal(await Promise.all(answers), [
    { errors: [{ type: "missing", loc: ["q"], msg: "Field required", input: null }] },
    { value: 5 },
    { value: 5 },
    { value: 5 },
    { errors: [{ type: "int_from_float", loc: ["q"], msg: "Input should be a valid integer, got a number with a fractional part", input: 5.5 }] },
    { errors: [{ type: "int_parsing", loc: ["q"], msg: "Input should be a valid integer, unable to parse string as an integer", input: "x" }] },
  ]);
  const plain = new ModelField(handWritten({ async: true }));
  assert.equal(await plain.validate("5", ["q"]), { errors: [{ type: "value_error", loc: ["q"], msg: "not an integer", input: "5" }] });
});

test("the validator's verdict stands after a conversion without error", () => {
  const field = new ModelField(z.object({ a: z.int(), b: z.string().min(3) }).refine((o) => o.a > 1, { message: "a > 1", path: ["a"] }));
  assert.equal(sync(field.validate({ a: "1", b: "abc" }, ["body"])), { errors: [{ type: "value_error", loc: ["body", "a"], msg: "a > 1", input: "1" }] });
  assert.equal(sync(field.validate({ a: "2", b: "abc" }, ["body"])), { value: { a: 2, b: "abc" } });
  // A layer error and a validator's issue about the same place: the layer's only.
  assert.equal(sync(field.validate({ a: "x", b: "ab" }, ["body"])).errors?.map((e) => e.type), ["int_parsing", "string_too_short"]);
});

test("errors at one place keep the validator's order; a validator that accepts what the layer did not convert still fails", () => {
  const field = new ModelField(toStandardJsonSchema(v.object({ a: vInt(), b: v.pipe(v.string(), v.minLength(3), v.regex(/^a+$/)) })) as StandardSchemaV1);
  assert.equal(sync(field.validate({ b: "b", a: "x" }, ["body"])).errors?.map((e) => [e.type, e.loc]), [
    ["int_parsing", ["body", "a"]],
    ["string_too_short", ["body", "b"]],
    ["string_pattern_mismatch", ["body", "b"]],
  ]);
  const lenient: StandardSchemaV1 = {
    "~standard": { version: 1, vendor: "any", validate: (value) => ({ value }), jsonSchema: { input: () => ({ type: "object", properties: { a: { type: "integer" } } }), output: () => ({}) } },
  };
  assert.equal(sync(new ModelField(lenient).validate({ a: "x" }, ["body"], true)).errors?.map((e) => e.type), ["int_parsing"]);
});

// FastAPI's keyword constraints (Query(gt=0, lt=10.5)...), as pydantic checks them with the type.
const CONSTRAINED: Array<{ py: string; schema: StandardSchemaV1; options: FieldOptions; inputs: unknown[] }> = [
  { py: "Annotated[float, Field(gt=0, lt=10.5)]", schema: z.number(), options: { gt: 0, lt: 10.5 }, inputs: ["inf", "nan", "1e309", "-inf", "10.5", "0", "x", "1.5"] },
  { py: "Annotated[int, Field(gt=0, le=1000)]", schema: z.int(), options: { gt: 0, le: 1000 }, inputs: ["99999999999999999999", "1001", "0", " 7 ", -1, 5] },
  { py: "Annotated[Optional[str], Field(min_length=3)]", schema: z.string().nullable(), options: { minLength: 3 }, inputs: ["ab", "abc", null] },
];

const constrainedOutcomes = oracle(CONSTRAINED.map((row) => ({ ...row, schemas: {} as never })));

if (constrainedOutcomes !== null) {
  test("keyword constraints: on the converted value, before the validator, the input as received", () => {
    CONSTRAINED.forEach((row, r) => {
      const field = new ModelField(row.schema);
      const constraints = compileConstraints(row.options);
      row.inputs.forEach((input, i) => {
        const what = describe({ py: row.py, schemas: {} as never, inputs: [] }, input);
        const result = sync(field.validate(input, ["query", "q"], typeof input === "string", constraints));
        const expected = constrainedOutcomes[r][i];
        if (expected.errors === undefined) {
          assert.ok(sameValue(jsonable((result as { value: unknown }).value), expected.value), `${what}: ${JSON.stringify(result)}`);
          return;
        }
        // JSON-equal: pydantic's ctx writes a float bound (gt=0 of a float) as 0.0.
        assert.equal(jsonable(result.errors), expected.errors.map((e) => ({ ...e, loc: ["query", "q", ...e.loc] })), what);
      });
    });
  });
}

test("keyword constraints without a JSON Schema: on what the validator made of the value", () => {
  const coercing: StandardSchemaV1<unknown, number> = { "~standard": { version: 1, vendor: "any", validate: (value) => ({ value: Number(value) }) } };
  const constraints = compileConstraints({ ge: 6 });
  assert.equal(sync(new ModelField(coercing).validate("5", ["query", "n"], true, constraints)), {
    errors: [{ type: "greater_than_equal", loc: ["query", "n"], msg: "Input should be greater than or equal to 6", input: "5", ctx: { ge: 6 } }],
  });
  assert.equal(sync(new ModelField(coercing).validate("7", ["query", "n"], true, constraints)), { value: 7 });
});

test("__proto__ in the input: copied as data, no prototype changes anywhere", () => {
  const field = new ModelField(z.looseObject({ name: z.string(), n: z.int() }));
  const input = JSON.parse('{"__proto__": {"polluted": 1}, "name": "p", "n": "1"}') as unknown;
  const result = sync(field.validate(input, ["body"]));
  assert.is(result.errors, undefined);
  const value = (result as { value: Record<string, unknown> }).value;
  assert.is(value.n, 1);
  assert.is(({} as Record<string, unknown>).polluted, undefined, "Object.prototype untouched");
  assert.is(Object.getPrototypeOf(input), Object.prototype);
});

test.run();
