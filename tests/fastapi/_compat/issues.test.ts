// No Python test file: pydantic-core's error types (tests/test_errors.py) for the constraints
// FastAPI users declare with Field(...), against the issues of zod, valibot and arktype for the
// same declarations, validated as they are (no lax conversion: the inputs already have the type).
import { type } from "arktype";
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as v from "valibot";
import { z } from "zod";
import type { ErrorDetails } from "../../../src/fastapi/_compat/errors.ts";
import { issuesToErrors, pyExpected } from "../../../src/fastapi/_compat/issues.ts";
import type { StandardSchemaV1 } from "../../../src/fastapi/_compat/standard_schema.ts";
import { PRELUDE, type Row, type Vendor, VENDORS, jsonable, oracle } from "./pydantic_table.ts";

const vInt = () => v.pipe(v.number(), v.integer());

/** The issues of `schema` for `input`, as the layer maps them, under loc ["body"]. */
function mapped(schema: StandardSchemaV1, input: unknown): ErrorDetails[] {
  const result = schema["~standard"].validate(input) as StandardSchemaV1.Result<unknown>;
  assert.ok(result.issues, `${JSON.stringify(input)} fails`);
  return issuesToErrors(result.issues ?? [], ["body"], input, schema["~standard"].vendor, schema);
}

// Each a pydantic declaration and its three equivalents, with inputs of the right JSON type.
const ROWS: Row[] = [
  { py: "Annotated[str, Field(min_length=2)]", schemas: { zod: z.string().min(2), valibot: v.pipe(v.string(), v.minLength(2)), arktype: type("string >= 2") }, inputs: ["a"] },
  { py: "Annotated[str, Field(max_length=2)]", schemas: { zod: z.string().max(2), valibot: v.pipe(v.string(), v.maxLength(2)), arktype: type("string <= 2") }, inputs: ["abc"] },
  {
    py: "Annotated[str, Field(min_length=2, max_length=2)]",
    schemas: { zod: z.string().length(2), valibot: v.pipe(v.string(), v.length(2)), arktype: type("string == 2") },
    inputs: ["abc", "a"],
  },
  { py: "Annotated[str, Field(min_length=1)]", schemas: { zod: z.string().nonempty(), valibot: v.pipe(v.string(), v.nonEmpty()), arktype: type("string > 0") }, inputs: [""] },
  {
    py: "Annotated[List[int], Field(max_length=1)]",
    schemas: { zod: z.array(z.int()).max(1), valibot: v.pipe(v.array(vInt()), v.maxLength(1)), arktype: type("number.integer[] <= 1") },
    inputs: [[1, 2]],
  },
  {
    py: "Annotated[List[int], Field(min_length=2, max_length=2)]",
    schemas: { zod: z.array(z.int()).length(2), valibot: v.pipe(v.array(vInt()), v.length(2)), arktype: type("number.integer[] == 2") },
    inputs: [[1], [1, 2, 3]],
  },
  { py: "Annotated[List[int], Field(min_length=1)]", schemas: { zod: z.array(z.int()).nonempty(), valibot: v.pipe(v.array(vInt()), v.nonEmpty()), arktype: type("number.integer[] > 0") }, inputs: [[]] },
  {
    py: "Annotated[float, Field(ge=1.5, le=2.5)]",
    schemas: { zod: z.number().min(1.5).max(2.5), valibot: v.pipe(v.number(), v.minValue(1.5), v.maxValue(2.5)), arktype: type("1.5 <= number <= 2.5") },
    inputs: [1, 3],
  },
  {
    py: "Annotated[float, Field(gt=1.5, lt=2.5)]",
    schemas: { zod: z.number().gt(1.5).lt(2.5), valibot: v.pipe(v.number(), v.gtValue(1.5), v.ltValue(2.5)), arktype: type("1.5 < number < 2.5") },
    inputs: [1.5, 2.5],
  },
  {
    py: "Annotated[int, Field(multiple_of=3)]",
    schemas: { zod: z.int().multipleOf(3), valibot: v.pipe(vInt(), v.multipleOf(3)), arktype: type("number.integer % 3") },
    inputs: [4],
  },
  {
    py: 'Annotated[str, Field(pattern="^a+$")]',
    schemas: { zod: z.string().regex(/^a+$/), valibot: v.pipe(v.string(), v.regex(/^a+$/)), arktype: type("/^a+$/") },
    inputs: ["b"],
  },
  { py: "int", schemas: { zod: z.int(), valibot: vInt(), arktype: type("number.integer") }, inputs: [5.5] },
  { py: "str", schemas: { zod: z.string(), valibot: v.string(), arktype: type("string") }, inputs: [5, null] },
  { py: "float", schemas: { zod: z.number(), valibot: v.number(), arktype: type("number") }, inputs: [[], null] },
  { py: "bool", schemas: { zod: z.boolean(), valibot: v.boolean(), arktype: type("boolean") }, inputs: [[], null] },
  { py: "None", schemas: { zod: z.null(), valibot: v.null(), arktype: type("null") }, inputs: [5] },
  { py: 'Literal["a"]', schemas: { zod: z.literal("a"), valibot: v.literal("a"), arktype: type("'a'") }, inputs: ["b"] },
  { py: "Color", schemas: { zod: z.enum(["a", "b"]), valibot: v.enum({ a: "a", b: "b" }), arktype: type("'a' | 'b'") }, inputs: ["c"] },
  {
    py: "Literal[\"it's\", 1, True, None]",
    schemas: { zod: z.literal(["it's", 1, true, null]), valibot: v.picklist(["it's", 1]), arktype: type.enumerated("it's", 1, true, null) },
    inputs: ["d"],
  },
  {
    py: String.raw`Literal['it\'s "x"', 'a\\b\n\r\t', 1.5, False]`,
    schemas: { zod: z.literal([`it's "x"`, "a\\b\n\r\t", 1.5, false]), valibot: v.picklist([`it's "x"`]), arktype: type.enumerated(`it's "x"`, "a\\b\n\r\t", 1.5, false) },
    inputs: ["d"],
  },
  { py: "Item", schemas: { zod: z.object({ name: z.string(), price: z.number() }), valibot: v.object({ name: v.string(), price: v.number() }), arktype: type({ name: "string", price: "number" }) }, inputs: [{}, 5, { name: "a", price: [] }] },
  {
    py: "Strict",
    schemas: { zod: z.strictObject({ a: z.int(), b: z.int().optional() }), valibot: v.strictObject({ a: vInt(), b: v.optional(vInt()) }), arktype: type({ a: "number.integer", "b?": "number.integer", "+": "reject" }) },
    inputs: [{ a: 1, y: 2, z: 3 }],
  },
  { py: "List[int]", schemas: { zod: z.array(z.int()), valibot: v.array(vInt()), arktype: type("number.integer[]") }, inputs: [5] },
  { py: "Dict[str, int]", schemas: { zod: z.record(z.string(), z.int()), valibot: v.record(v.string(), vInt()), arktype: type("Record<string, number.integer>") }, inputs: [5] },
  { py: "Tuple[int, str]", schemas: { zod: z.tuple([z.int(), z.string()]), valibot: v.tuple([vInt(), v.string()]), arktype: type(["number.integer", "string"]) }, inputs: [5] },
];

// Where a vendor differs: its issue does not say which pydantic error it is (the type stays the
// vendor's code; valibot's literal has no ctx), or valibot's strict object stops at its first
// extra key (with its JSON Schema, the layer reports each).
const VENDOR_CODES: Partial<Record<Vendor, Record<string, string[]>>> = {
  valibot: { 'Literal["a"]': ["literal_error"], Strict: ["extra_forbidden"] },
  arktype: { "List[int]": ["proto"], "Dict[str, int]": ["model_attributes_type"], "Tuple[int, str]": ["proto"], Color: ["literal_error"] },
};

const outcomes = oracle(ROWS);

if (outcomes !== null) {
  test("issues map to pydantic's type, loc, input and ctx", () => {
    let checked = 0;
    ROWS.forEach((row, r) => {
      for (const vendor of VENDORS) {
        row.inputs.forEach((input, i) => {
          const theirs = outcomes[r][i].errors;
          assert.ok(theirs, `${row.py} fails for ${JSON.stringify(input)}`);
          const mine = mapped(row.schemas[vendor], input);
          const what = `${vendor}: ${row.py} <- ${JSON.stringify(input)}`;
          const special = VENDOR_CODES[vendor]?.[row.py];
          if (special) {
            assert.equal(mine.map((e) => e.type), special, what);
            return;
          }
          assert.equal(mine.map((e) => [e.type, e.loc]), theirs.map((e) => [e.type, ["body", ...e.loc]]), what);
          mine.forEach((e, k) => {
            assert.equal(jsonable(e.input), theirs[k].input, `${what}: input`);
            const ctx = theirs[k].ctx;
            if (vendor === "arktype" && e.type === "literal_error" && ctx !== undefined) {
              // arktype orders a union's units its own way (here None before True): the same values.
              const split = (x: unknown) => String(x).split(/, | or /).sort();
              assert.equal(split(e.ctx?.expected), split(ctx.expected), `${what}: ctx`);
            } else if (e.ctx !== undefined || vendor !== "valibot") {
              assert.equal(e.ctx, ctx, `${what}: ctx`);
            }
          });
          checked++;
        });
      }
    });
    assert.ok(checked > 60, `${checked} cases`);
  });
}

test("the message is the validator's, the path's keys become the loc", () => {
  const [error] = mapped(z.object({ items: z.array(z.object({ n: z.string().min(2) })) }), { items: [{ n: "ab" }, { n: "a" }] });
  assert.equal(error, { type: "string_too_short", loc: ["body", "items", 1, "n"], msg: "Too small: expected string to have >=2 characters", input: "a", ctx: { min_length: 2 } });
  const [fromValibot] = mapped(v.object({ items: v.array(v.string()) }), { items: ["a", 5] });
  assert.equal(fromValibot.loc, ["body", "items", 1]);
  assert.is(fromValibot.msg, 'Invalid type: Expected string but received 5');
});

test("vendor codes where pydantic's type is not known, and hand-written validators", () => {
  assert.equal(mapped(z.string().refine(() => false, "no"), "x").map((e) => [e.type, e.msg]), [["value_error", "no"]]);
  assert.equal(mapped(z.email(), "x").map((e) => e.type), ["invalid_format"]);
  assert.equal(mapped(z.union([z.int(), z.string()]), true).map((e) => e.type), ["invalid_union"]);
  assert.equal(mapped(z.set(z.int()).min(2), new Set([1])).map((e) => e.type), ["too_small"]);
  assert.equal(mapped(z.date(), "x").map((e) => e.type), ["invalid_type"]);
  assert.equal(mapped(z.object({ a: z.number() }), {}).map((e) => [e.type, e.input]), [["missing", {}]]);
  assert.equal(mapped(z.array(z.number()), [1, undefined]).map((e) => [e.type, e.input]), [["missing", [1, undefined]]]);
  assert.equal(mapped(v.pipe(v.string(), v.email()), "x").map((e) => e.type), ["email"]);
  assert.equal(mapped(v.strictTuple([v.number()]), [1, 2]).map((e) => [e.type, e.loc]), [["strict_tuple", ["body", 1]]]);
  assert.equal(mapped(v.objectWithRest({ a: v.number() }, v.number()), 5).map((e) => e.type), ["model_attributes_type"]);
  assert.equal(mapped(v.union([v.number(), v.string()]), true).map((e) => e.type), ["union"]);
  assert.equal(mapped(v.enum({ A: 1 }), 2).map((e) => e.type), ["enum"]);
  assert.equal(mapped(v.date(), "x").map((e) => e.type), ["date"]);
  assert.equal(mapped(type("string").narrow((_, ctx) => ctx.reject({ expected: "an a" })), "x").map((e) => e.type), ["predicate"], "a narrow that words what it expects: not told from arktype's own");
  assert.equal(mapped(type("string.email"), "x").map((e) => e.type), ["pattern"]);
  assert.equal(mapped(type("Date"), "x").map((e) => e.type), ["proto"]);
  assert.equal(mapped(type("number.integer | string"), true).map((e) => e.type), ["predicate"]);
  assert.equal(mapped(vInt(), Infinity).map((e) => e.type), ["int_type"]);
  assert.equal(mapped(type("number % 3"), 4).map((e) => [e.type, e.ctx]), [["multiple_of", { multiple_of: 3 }]]);
  const custom = (issue: StandardSchemaV1.Issue): ErrorDetails[] => issuesToErrors([issue], ["query", "q"], { a: [1] }, "custom");
  assert.equal(custom({ message: "bad", path: ["a", { key: 0 }] }), [{ type: "value_error", loc: ["query", "q", "a", 0], msg: "bad", input: 1 }]);
  assert.equal(custom({ message: "bad", path: [Symbol("s")] })[0].loc, ["query", "q", "Symbol(s)"]);
  assert.equal(custom({ message: "bad", path: ["b", "c"] })[0].input, null, "a path to nothing: input None");
  assert.equal(custom({ message: "bad", path: ["a", 5] })[0].input, null);
  assert.equal(custom({ message: "bad", path: ["a", "x"] })[0].input, null);
  assert.equal(issuesToErrors([{ message: "m", code: "my_code" } as StandardSchemaV1.Issue], [], 1, "other")[0].type, "my_code");
  assert.equal(issuesToErrors([{ message: "m", code: "too_small", origin: "date" } as StandardSchemaV1.Issue], [], 1, "zod")[0].type, "too_small");
  assert.equal(issuesToErrors([{ message: "m", code: "too_small", origin: "string", minimum: 2n } as StandardSchemaV1.Issue], [], "a", "zod")[0].type, "too_small");
  assert.equal(issuesToErrors([{ message: "m", code: "too_small", origin: "array", minimum: 2 } as StandardSchemaV1.Issue], [], 5, "zod")[0].type, "too_small");
  assert.equal(issuesToErrors([{ message: "m", code: "not_multiple_of", divisor: 2n } as StandardSchemaV1.Issue], [], 1n, "zod")[0].type, "not_multiple_of");
  assert.equal(issuesToErrors([{ message: "m", code: "invalid_format", format: "regex", pattern: 5 } as StandardSchemaV1.Issue], [], "a", "zod")[0].type, "invalid_format");
  assert.equal(issuesToErrors([{ message: "m", code: "invalid_value" } as StandardSchemaV1.Issue], [], "a", "zod")[0].type, "invalid_value");
  assert.equal(issuesToErrors([{ message: "m", code: "invalid_type", expected: "map" } as StandardSchemaV1.Issue], [], "a", "zod")[0].type, "invalid_type");
  assert.equal(issuesToErrors([{ message: "m", kind: "validation", type: "multiple_of", requirement: 2n } as StandardSchemaV1.Issue], [], 1n, "valibot")[0].type, "multiple_of");
  assert.equal(issuesToErrors([{ message: "m", kind: "validation", type: "regex", requirement: "x" } as StandardSchemaV1.Issue], [], "a", "valibot")[0].type, "regex");
  assert.equal(issuesToErrors([{ message: "m", kind: "validation", type: "length", requirement: 2 } as StandardSchemaV1.Issue], [], 5, "valibot")[0].type, "length");
  assert.equal(issuesToErrors([{ message: "m", code: "union" } as StandardSchemaV1.Issue], [], 5, "arktype")[0].type, "union");
  assert.equal(issuesToErrors([{ message: "m", code: "union", errors: [{ code: "domain" }] } as StandardSchemaV1.Issue], [], 5, "arktype")[0].type, "union");
  assert.equal(issuesToErrors([{ message: "m", code: "domain", domain: "symbol" } as StandardSchemaV1.Issue], [], 5, "arktype")[0].type, "domain");
  assert.equal(issuesToErrors([{ message: "m", code: "divisor", rule: 2n } as StandardSchemaV1.Issue], [], 5, "arktype")[0].type, "divisor");
  assert.equal(issuesToErrors([{ message: "m", code: "exactLength", rule: 2 } as StandardSchemaV1.Issue], [], 5, "arktype")[0].type, "exactLength");
  assert.equal(issuesToErrors([{ message: "m", code: "min", rule: 2n } as StandardSchemaV1.Issue], [], 5, "arktype")[0].type, "min");
  assert.equal(issuesToErrors([{ message: "m", code: "unrecognized_keys" } as StandardSchemaV1.Issue], [], 5, "zod")[0].type, "unrecognized_keys");
  assert.equal(issuesToErrors([{ message: "m" } as StandardSchemaV1.Issue], [], 5, "zod")[0].type, "value_error");
});

// zod's format checks against pydantic's types for the same text (zod's own message stays).
const FORMATS: Array<{ py: string; schema: StandardSchemaV1; inputs: string[] }> = [
  { py: "pydantic.HttpUrl", schema: z.httpUrl(), inputs: ["not a url", "ftp://example.com/a", "http://"] },
  { py: "pydantic.AnyUrl", schema: z.url(), inputs: ["x"] },
  { py: "uuid.UUID", schema: z.guid(), inputs: ["not-a-uuid", "12345678-1234-5678-1234-56781234567"] },
  { py: "uuid.UUID", schema: z.uuid(), inputs: ["x"] },
  { py: "datetime.datetime", schema: z.iso.datetime(), inputs: ["yesterday", "2008-02-30T00:00:00"] },
  { py: "datetime.date", schema: z.iso.date(), inputs: ["2008-02-30"] },
  { py: "datetime.time", schema: z.iso.time(), inputs: ["25:00"] },
  { py: "datetime.timedelta", schema: z.iso.duration(), inputs: ["five minutes"] },
];

const formatOutcomes = oracle(FORMATS.map((row) => ({ py: row.py, inputs: row.inputs, schemas: {} as never })), "import datetime, uuid");

if (formatOutcomes !== null) {
  test("zod's formats: pydantic's type for a URL, UUID, datetime, date, time or duration it refuses", () => {
    FORMATS.forEach((row, r) => {
      row.inputs.forEach((input, i) => {
        const theirs = formatOutcomes[r][i].errors;
        assert.ok(theirs, `${row.py} refuses ${input}`);
        assert.equal(mapped(row.schema, input).map((e) => [e.type, e.loc, e.input]), theirs.map((e) => [e.type, ["body", ...e.loc], e.input]), `${row.py} <- ${input}`);
      });
    });
  });
}

test("a zod enum anywhere a value is: enum, not literal_error (unions, pipes, wrappers, containers, lazy)", () => {
  const E = z.enum(["a", "b"]);
  const typeAt = (schema: StandardSchemaV1, input: unknown) => mapped(schema, input).map((e) => e.type);
  assert.equal(typeAt(E, "c"), ["enum"]);
  assert.equal(typeAt(E.nullable().default(null), "c"), ["enum"]);
  enum Level {
    Low = 1,
    High = "high",
  }
  assert.equal(typeAt(z.enum(Level), 2), ["enum"], "a TypeScript enum, its reverse entries aside");
  assert.equal(typeAt(z.object({ e: E.optional() }), { e: "c" }), ["enum"]);
  assert.equal(typeAt(z.array(E), ["a", "c"]), ["enum"]);
  assert.equal(typeAt(z.tuple([E], E), ["a", "c"]), ["enum"]);
  assert.equal(typeAt(z.tuple([E]), ["c"]), ["enum"]);
  assert.equal(typeAt(z.record(z.string(), E), { k: "c" }), ["enum"]);
  assert.equal(typeAt(z.string().pipe(E), "c"), ["enum"]);
  assert.equal(typeAt(z.union([z.int(), E]), "c"), ["invalid_union"]);
  assert.equal(typeAt(z.object({ u: z.union([z.object({ e: E }), z.object({ f: z.int() })]) }), { u: { e: "c" } }), ["invalid_union"]);
  assert.equal(typeAt(z.intersection(z.object({ e: E }), z.object({})), { e: "c" }), ["enum"]);
  const Tree: z.ZodType = z.lazy(() => z.object({ e: E, children: z.array(Tree) }));
  assert.equal(typeAt(Tree, { e: "a", children: [{ e: "c", children: [] }] }), ["enum"]);
  assert.equal(typeAt(z.object({ e: z.literal(["a", "b"]) }), { e: "c" }), ["literal_error"], "a literal of several values is a Literal");
  assert.equal(typeAt(z.union([E, z.literal("x")]).pipe(z.literal("a")), "b"), ["literal_error"], "an enum at the path, with other values than the issue's");
  // A lazy schema that is only ever itself: the walk gives up instead of looping.
  const Loop: z.ZodType = z.lazy(() => Loop.optional());
  assert.equal(issuesToErrors([{ message: "m", code: "invalid_value", values: ["a"] } as StandardSchemaV1.Issue], [], "c", "zod", Loop)[0].type, "literal_error");
  const nested = issuesToErrors([{ message: "m", code: "invalid_value", values: ["a"], path: ["x", 0] } as StandardSchemaV1.Issue], [], {}, "zod", z.object({ y: E }));
  assert.is(nested[0].type, "literal_error", "a path the schema does not have");
  assert.is(issuesToErrors([{ message: "m", code: "invalid_value", values: ["a"] } as StandardSchemaV1.Issue], [], "c", "zod")[0].type, "literal_error", "no schema given");
  assert.is(issuesToErrors([{ message: "m", code: "invalid_value", values: ["a"], path: [0] } as StandardSchemaV1.Issue], [], ["c"], "zod", z.string())[0].type, "literal_error", "a scalar has no items");
});

test("a check of the user's is pydantic's value_error, for valibot as for zod", () => {
  assert.equal(mapped(v.pipe(v.string(), v.check(() => false, "no")), "x").map((e) => [e.type, e.msg]), [["value_error", "no"]]);
});

// valibot's and arktype's URL check (both URL.canParse), and a check of the user's in each
// validator, against pydantic's HttpUrl and a validator function that raises ValueError.
const CHECKS: Array<{ py: string; schemas: StandardSchemaV1[]; inputs: string[] }> = [
  { py: "pydantic.HttpUrl", schemas: [v.pipe(v.string(), v.url()), type("string.url")], inputs: ["not a url", "http://", "//example.com/a"] },
  {
    py: "Annotated[str, pydantic.AfterValidator(refuse)]",
    schemas: [
      z.string().refine(() => false, "no"),
      v.pipe(v.string(), v.check(() => false, "no")),
      type("string").narrow(() => false),
      type("string").narrow(function named() {
        return false;
      }),
      type("string").narrow((_, ctx) => ctx.reject({ message: "no" })),
    ],
    inputs: ["x"],
  },
];

const checkOutcomes = oracle(
  CHECKS.map((row) => ({ py: row.py, inputs: row.inputs, schemas: {} as never })),
  // pydantic's ctx holds the exception raised: a dataclass one, which the oracle can write as JSON.
  "import dataclasses\n@dataclasses.dataclass\nclass Refused(ValueError):\n    reason: str = 'no'\ndef refuse(value):\n    raise Refused()",
);

if (checkOutcomes !== null) {
  test("valibot's and arktype's URL checks are url_parsing; a narrow of arktype's is value_error, as zod's refine and valibot's check", () => {
    CHECKS.forEach((row, r) => {
      row.inputs.forEach((input, i) => {
        const theirs = checkOutcomes[r][i].errors;
        assert.ok(theirs, `${row.py} refuses ${input}`);
        for (const schema of row.schemas) {
          const what = `${schema["~standard"].vendor}: ${row.py} <- ${input}`;
          assert.equal(mapped(schema, input).map((e) => [e.type, e.loc, e.input]), theirs.map((e) => [e.type, ["body", ...e.loc], e.input]), what);
        }
      });
    });
  });
}

test("Python reprs in literal_error's ctx (the rows above check them against Python)", () => {
  assert.is(pyExpected([]), "");
  assert.is(pyExpected([null]), "None");
});

test("the oracle's prelude defines the models these rows use", () => {
  for (const name of ["Item", "Strict"]) assert.ok(PRELUDE.includes(`class ${name}(`), name);
});

test.run();
