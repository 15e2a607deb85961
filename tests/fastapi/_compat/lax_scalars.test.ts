// No Python test file: pydantic-core's tests/validators/test_int.py, test_float.py and
// test_bool.py are the model; here pydantic itself says what each string or number gives.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { numberAsBool, numberAsInt, strAsBool, strAsFloat, strAsInt } from "../../../src/fastapi/_compat/lax_scalars.ts";
import { requirePython, runPython } from "../../python.ts";
import { BOOL_STRINGS, FLOAT_STRINGS, INT_STRINGS, type Outcome, jsonable } from "./pydantic_table.ts";

const NUMBERS = [0, -0, 1, -1, 2, 0.5, -1.5, 1e15 + 0.5, 2 ** 53, 2 ** 62, 2 ** 63, -(2 ** 63), 2 ** 64, 1e300, Infinity, -Infinity, NaN];

type Case = [python: string, input: unknown, ours: (input: never) => unknown];
const CASES: Case[] = [
  ...INT_STRINGS.map((s): Case => ["int", s, strAsInt]),
  ...FLOAT_STRINGS.map((s): Case => ["float", s, strAsFloat]),
  ...BOOL_STRINGS.map((s): Case => ["bool", s, strAsBool]),
  ...NUMBERS.filter((n) => !Number.isInteger(n)).map((n): Case => ["int", n, numberAsInt]),
  ...NUMBERS.map((n): Case => ["bool", n, numberAsBool]),
];

const ERROR_TYPES = new Set(["int_parsing", "int_parsing_size", "int_from_float", "finite_number", "float_parsing", "bool_parsing", "bool_type"]);

if (requirePython("pydantic")) {
  test("strAsInt, strAsFloat, strAsBool, numberAsInt, numberAsBool give what pydantic gives", () => {
    const outcomes = runPython<Outcome[]>("pydantic_lax_oracle", { cases: CASES.map(([py, input]) => [py, jsonable(input)]) });
    CASES.forEach(([py, input, ours], i) => {
      const expected = outcomes[i];
      const got = ours(input as never);
      const what = `${py} <- ${JSON.stringify(jsonable(input))?.slice(0, 60)}`;
      if (expected.errors) {
        assert.is(expected.errors.length, 1, what);
        assert.ok(ERROR_TYPES.has(expected.errors[0].type), what);
        assert.is(got, expected.errors[0].type, what);
      } else {
        assert.equal(jsonable(got), jsonable(expected.value), what);
      }
    });
  });
}

test("numbers: integral ones are ints of any size, others fail as pydantic's floats do", () => {
  assert.is(numberAsInt(5), 5);
  assert.ok(Object.is(numberAsInt(-0), 0), "no negative zero");
  assert.is(numberAsInt(1e300), 1e300, "JSON's 1e300 and 10**300 are one number here");
  assert.is(numberAsInt(5.5), "int_from_float");
  assert.is(numberAsInt(NaN), "finite_number");
  assert.ok(Object.is(strAsInt("-0"), 0));
  assert.ok(Object.is(strAsFloat("-0"), -0), "a float keeps its sign");
});

test.run();
