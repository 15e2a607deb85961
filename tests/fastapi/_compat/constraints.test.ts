// No Python test file: pydantic-core's constraint errors (tests/validators/test_int.py,
// test_float.py, test_string.py, test_list.py) for the keywords FastAPI takes (Query(ge=1),
// Body(max_length=50)...), which the layer checks itself on the value its validator accepted.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { compileConstraints } from "../../../src/fastapi/_compat/constraints.ts";
import type { FieldOptions } from "../../../src/fastapi/params.ts";
import { jsonable, oracle } from "./pydantic_table.ts";

// Each the pydantic declaration, the same constraints as options, and values of its type.
const ROWS: Array<{ py: string; options: FieldOptions; inputs: unknown[] }> = [
  { py: "Annotated[float, Field(multiple_of=0.5)]", options: { multipleOf: 0.5 }, inputs: [1.5, 1.2, -1, 0.25] },
  { py: "Annotated[float, Field(multiple_of=0.1)]", options: { multipleOf: 0.1 }, inputs: [0.3, 0.7, 0.35] },
  { py: "Annotated[int, Field(multiple_of=3)]", options: { multipleOf: 3 }, inputs: [6, 7, -9] },
  { py: "Annotated[int, Field(ge=1, le=10)]", options: { ge: 1, le: 10 }, inputs: [0, 1, 10, 11] },
  { py: "Annotated[float, Field(gt=0.5, lt=1.5)]", options: { gt: 0.5, lt: 1.5 }, inputs: [0.5, 1, 1.5] },
  { py: "Annotated[str, Field(min_length=1)]", options: { minLength: 1 }, inputs: ["", "a"] },
  { py: "Annotated[str, Field(min_length=2, max_length=3)]", options: { minLength: 2, maxLength: 3 }, inputs: ["a", "😀😀", "abcd"] },
  { py: "Annotated[str, Field(max_length=1)]", options: { maxLength: 1 }, inputs: ["ab", "é"] },
  { py: 'Annotated[str, Field(pattern="^a")]', options: { pattern: "^a" }, inputs: ["ba", "ab"] },
  { py: "Annotated[List[int], Field(min_length=1)]", options: { minLength: 1 }, inputs: [[], [1]] },
  { py: "Annotated[List[int], Field(min_length=2, max_length=3)]", options: { minLength: 2, maxLength: 3 }, inputs: [[1], [1, 2], [1, 2, 3, 4]] },
  { py: "Annotated[List[int], Field(max_length=1)]", options: { maxLength: 1 }, inputs: [[1, 2]] },
];

const outcomes = oracle(ROWS.map((row) => ({ py: row.py, inputs: row.inputs, schemas: {} as never })));

if (outcomes !== null) {
  test("each keyword's error is pydantic's: type, message, input and ctx", () => {
    ROWS.forEach((row, r) => {
      const check = compileConstraints(row.options);
      assert.ok(check, row.py);
      row.inputs.forEach((input, i) => {
        const theirs = outcomes[r][i].errors ?? [];
        assert.equal(jsonable(check(input, ["query", "q"])), theirs.map((e) => ({ ...e, loc: ["query", "q", ...e.loc] })), `${row.py} <- ${JSON.stringify(input)}`);
      });
    });
  });
}

test("no keyword, no check; a value that passes allocates nothing; other types are the validator's", () => {
  assert.is(compileConstraints({ title: "t", alias: "a" }), null);
  const check = compileConstraints({ ge: 1, maxLength: 2, multipleOf: 2, pattern: "^a" });
  assert.ok(check);
  assert.is(check(2, []), check(4, []), "one shared array for every pass");
  assert.equal(check(2, []), []);
  assert.equal(check({ length: 5 }, []), [], "an object is no string nor list");
  assert.equal(check(null, []), [], "null (an optional value) is never checked");
});

test.run();
