// Port of the byte format of Python's json.dumps that Starlette's session cookie
// relies on (spec 3.5), checked against Python's own output.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { dumpNumber, dumps, dumpString } from "../../src/itsdangerous/_json.js";

test("separators, key order, escapes (ensure_ascii)", () => {
  assert.is(dumps({ some: "data" }), '{"some": "data"}');
  assert.is(dumps({}), "{}");
  assert.is(dumps([]), "[]");
  assert.is(dumps(new Map<unknown, unknown>([["b", 1], ["2", 2], [3, [true, false, null]]])), '{"b": 1, "2": 2, "3": [true, false, null]}');
  assert.is(dumpString('é\x7f\x01"\\\n\r\t\b\f/</script>😀'), '"\\u00e9\\u007f\\u0001\\"\\\\\\n\\r\\t\\b\\f/</script>\\ud83d\\ude00"');
  assert.is(dumpString("é\x7f", false), '"é\x7f"');
});

test("numbers as Python writes them", () => {
  const cases: Array<[number, string]> = [
    [0, "0"], [-7, "-7"], [42, "42"], [3.14, "3.14"], [1e16, "1e+16"], [1.5e16, "1.5e+16"], [1e100, "1e+100"],
    [0.0001, "0.0001"], [0.00001, "1e-05"], [1.234e-7, "1.234e-07"], [-2.5e-10, "-2.5e-10"], [12345678901234567890, "1.2345678901234567e+19"],
    [123456.789, "123456.789"], [NaN, "NaN"], [Infinity, "Infinity"], [-Infinity, "-Infinity"], [-0, "-0.0"], [9007199254740993, "9007199254740992.0"],
    [1.5, "1.5"], [-1234.5, "-1234.5"], [1e15 + 0.5, "1000000000000000.5"],
  ];
  for (const [n, text] of cases) assert.is(dumpNumber(n), text, String(n));
});

test("keys are coerced as Python does; values JSON cannot hold are dropped or null", () => {
  assert.is(dumps(new Map<unknown, unknown>([[1.5, "a"], [null, "b"], [true, "c"], [10n, "d"]])), '{"1.5": "a", "null": "b", "true": "c", "10": "d"}');
  assert.throws(() => dumps(new Map([[{}, 1]])), /keys must be str, int, float, bool or None/);
  assert.is(dumps({ a: undefined, b: () => 1, c: Symbol("x"), d: 1 }), '{"d": 1}');
  assert.is(dumps([undefined, () => 1]), "[null, null]");
  assert.is(dumps(undefined), "null");
  assert.is(dumps({ big: 2n ** 70n }), '{"big": 1180591620717411303424}');
  assert.is(dumps({ when: new Date(0) }), '{"when": "1970-01-01T00:00:00.000Z"}');
  assert.is(dumps({ url: { toJSON: () => "x" } }), '{"url": "x"}');
});

test("circular structures are refused, shared ones are fine", () => {
  const shared = { x: 1 };
  assert.is(dumps({ a: shared, b: shared }), '{"a": {"x": 1}, "b": {"x": 1}}');
  const loop: Record<string, unknown> = {};
  loop.self = loop;
  assert.throws(() => dumps(loop), /Circular reference detected/);
});

test("custom separators and ensureAscii off (itsdangerous's compact JSON)", () => {
  assert.is(dumps({ a: [1, "é"] }, { separators: [",", ":"], ensureAscii: false }), '{"a":[1,"é"]}');
});

test.run();
