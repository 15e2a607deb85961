// No Python counterpart: src/fastapi/_compat/pyjson.ts against the real json.loads of the
// reference virtualenv (Python 3.11), through tests/python/pyjson_oracle.py. Every input of the
// corpus and of the property test goes to Python in one run; each result is compared with
// what loads / loadsBytes give: the value, or the error's type, msg, pos, lineno, colno, str().
// tests/python.ts still runs /usr/bin/python3, so the venv's interpreter is spawned here.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { BodyDecodeError, INT_MAX_STR_DIGITS, JSONDecodeError, loads, loadsBytes, MAX_DEPTH } from "../../src/fastapi/_compat/pyjson.js";

const PYTHON = fileURLToPath(new URL("../../.venv-py/bin/python", import.meta.url));
const ORACLE = fileURLToPath(new URL("../python/pyjson_oracle.py", import.meta.url));

type Input = { str: string } | { bytes: Uint8Array };
type Tagged = null | boolean | string | { i: string } | { f: string } | { d: Array<[string, Tagged]> } | Tagged[];
type Result =
  | { ok: Tagged }
  | { error: "JSONDecodeError"; msg: string; doc: string; pos: number; lineno: number; colno: number; str: string }
  | { error: string; str: string };

// ---- encoders for the inputs ----

const utf8 = (s: string): Uint8Array => Buffer.from(s, "utf8");
const bytes = (...parts: Array<string | number[] | Uint8Array>): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : Buffer.from(p))));
function utf16(s: string, bigEndian: boolean, bom: boolean): Uint8Array {
  const b = Buffer.from((bom ? "\ufeff" : "") + s, "utf16le");
  return bigEndian ? b.swap16() : b;
}
function utf32(s: string, bigEndian: boolean, bom: boolean): Uint8Array {
  const points = [...((bom ? "\ufeff" : "") + s)].map((c) => c.codePointAt(0) ?? 0);
  const b = Buffer.alloc(points.length * 4);
  points.forEach((p, i) => (bigEndian ? b.writeUInt32BE(p, i * 4) : b.writeUInt32LE(p, i * 4)));
  return b;
}
// UTF-8 as "surrogatepass" writes it: a lone surrogate as its own three bytes.
function wtf8(s: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
    else out.push(...Buffer.from(s[i], "utf8"));
  }
  return Uint8Array.from(out);
}

// ---- the corpus ----

const corpus: Input[] = [];
const str = (...texts: string[]): void => texts.forEach((text) => corpus.push({ str: text }));
const raw = (...bodies: Uint8Array[]): void => bodies.forEach((b) => corpus.push({ bytes: b }));

// Truncations at every position: through the scanner for each prefix, as str and as bytes.
const DOCUMENTS = [
  '{"a": [1, -2.5e-3, "x\\u00e9\\n", true, false, null], "b": {"c": -0, "d": {}}, "e": []}',
  '[NaN, -Infinity, Infinity, {"k": "\\ud83d\\ude00 😀"}, 1E+2]',
  '\n {\n  "héllo": "wörld 😀",\n  "t": "\\"\\\\\\/"\n }\n',
];
for (const doc of DOCUMENTS) {
  for (let n = 0; n <= doc.length; n++) str(doc.slice(0, n));
  const body = utf8(doc);
  for (let n = 0; n <= body.length; n += 3) raw(body.subarray(0, n));
}

// Whitespace and empty documents.
str("", " ", " \t\n\r ", "\u00a01", "\u20281", "\f1", "\v1", "1\u00a0", "1 \n\t\r");
// Numbers.
str("1", "-1", "-", "--1", "+1", "01", "-01", "00", "1.", ".5", "1.5e", "1.5e+", "1e5", "1E+5", "1e-5x", "-0", "-0.0", "0e0");
str("1e400", "-1e400", "12345678901234567890123", "9007199254740993", "1.7976931348623157e309", "5e-324", "2.5E-3]");
str("1".repeat(INT_MAX_STR_DIGITS), "1".repeat(INT_MAX_STR_DIGITS + 1), "-" + "1".repeat(INT_MAX_STR_DIGITS + 1));
str("1".repeat(5000) + ".5", "1".repeat(5000) + "e0", "[" + "9".repeat(4400) + "E-1]", `{"n": ${"7".repeat(4301)}}`);
str(`[1, ${"2".repeat(5000)}]`, `[x, ${"2".repeat(5000)}]`, `[${"2".repeat(5000)}, x]`, `[NaN, ${"3".repeat(4301)}]`);
// Constants.
str("NaN", "nan", "Infinity", "-Infinity", "+Infinity", "-Inf", "Infinit", "[NaN, Infinity, -Infinity]", '{"a": NaN}');
str("NaNx", "[-NaN]", "-Infinityy", "null", "nul", "nulll", "true", "True", "tru", "false", "fals", "None", "[null,true,false]");
// Strings and escapes.
str('"abc"', '"abc', '"', '"\\', '"\\"', '"a\\qb"', '"\\x41"', '"\\u"', '"\\u12"', '"\\u123"', '"\\u1234', '"\\u12G4"');
str('"\\uD83D\\uDE00"', '"\\ud83d\\u12"', '"\\ud83d\\uZZZZ"', '"\\ud83d\\uZZZZ', '"\\ud83d"', '"\\ude00\\ud83d"');
str('["\\b\\f\\n\\r\\t\\/\\"\\\\ \\uABCD\\uabcd\\u0123\\uD83D\\uDE00", NaN]', '{"\\u00e9\\t": Infinity}');
str('"\\ud83d\\ude00', '"\\ud83d\\ude00 ', '"\\ud800\\ud800"', '"\\udbff\\udfff"', '"\\uFFFF\\uabcd\\uABCD"');
str('"a\u0001b"', '"a\tb"', '"a\u001fb"', '"a\u007fb"', '"\\/"', '"\\b\\f\\n\\r\\t"', '"\\U0041"', '"a\nb"', '"\\\u0000"');
str('"\ud800"', '"\udc00\ud800"', '"😀\u0001"', '"\\ud800\u0001"', '"\ud83d\u0001"');
// Delimiters, trailing commas, comments, single quotes.
str("'a'", "{'a': 1}", '{"a" 1}', '{"a":1 "b":2}', "{a: 1}", '{"a":1,}', "[1,]", "[1,,2]", "[,1]", "{,}", '{"a":}');
str('{"a"', '{"a":', '{"a":1', "[1", "[1 2]", "{}", "[]", "{ }", "[ ]", "{\n}", '{"a":1}}', "[1]]", "1 2", "[] []");
str("1 // c", "/* c */ 1", "[1 /* c */]", "# c\n1", '{"a":1,/*x*/"b":2}', "[1,\n]", '{"a"\n:\n1\n,\n}');
// Keys: duplicates, order, the prototype.
str('{"a":1,"a":2}', '{"b":1,"a":2,"b":3}', '{"2":1,"1":2,"b":3,"a":4,"01":5,"4294967295":6}');
str('{"__proto__": {"x": 1}}', '{"__proto__": NaN}', '{"constructor": 1, "toString": 2, "__proto__": [Infinity]}', '{"":0}');
// Astral characters and lines before an error: positions in code points.
str('"😀😀" x', '["😀", x]', '{"😀": 1,}', '\n\n"😀"\n x', "[\n1,\n2\n,]", '["😀\\n😀",\n\n  "\u0000"]', "😀", "\n😀");
// BOMs.
str("\ufeff1", "\ufeff", " \ufeff1", "[\ufeff]");
raw(bytes([0xef, 0xbb, 0xbf], "1"), bytes([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], "1"), bytes([0xef, 0xbb, 0xbf], '"', [0xff], '"'));
raw(bytes([0xef, 0xbb, 0xbf]), bytes([0xef, 0xbb, 0xbf], "[NaN, x]"), bytes([0xef, 0xbb]), bytes([0xef, 0xbb, 0xbf], '"', [0xed, 0xa0, 0x80], '"'));
// UTF-16 and UTF-32, with and without BOM.
const WIDE = ['{"a": "é😀", "b": [1, NaN]}', '["😀", x]', '"\u0001"', "1", "[]", "12", "1234"];
for (const doc of WIDE) {
  for (const bigEndian of [false, true]) {
    for (const bom of [false, true]) raw(utf16(doc, bigEndian, bom), utf32(doc, bigEndian, bom));
  }
}
raw(bytes([0xff, 0xfe], "1", [0, 0]), bytes([0xfe, 0xff, 0, 0x31, 0]), bytes("1", [0]), bytes([0], "1"), bytes([0xff, 0xfe]), bytes([0xfe, 0xff]));
raw(utf16('"\ud800"', false, true), utf16('"\udc00\ud800"', true, false), utf16('"\ud83d', false, false), bytes(utf16('"\ud83d', false, true), "x"));
raw(bytes([0, 0, 0, 0x22, 0, 0x11, 0, 0, 0, 0, 0, 0x22]), bytes([0xff, 0xfe, 0, 0], [0x31, 0, 0, 0, 0]), bytes([0, 0, 0xfe, 0xff, 0, 0, 0, 0x31, 0, 0x11, 0, 0]));
raw(bytes([0, 0, 0, 0x22, 0, 0, 0xd8, 0x3d, 0, 0, 0xde, 0, 0, 0, 0, 0x22, 0, 0, 0, 0x20, 0, 0, 0, 0x78]));
raw(bytes([0x22, 0, 0, 0, 0, 0xd8, 0, 0, 0x3d, 0xd8, 0, 0, 0, 0xdc, 0, 0, 0x22, 0, 0, 0, 0x78, 0, 0, 0]));
raw(utf32('"\ud800"', false, false), utf32('["\ud83d", 😀, x]', true, true), bytes([0x31, 0, 0, 0, 0x32]));
// Invalid UTF-8, and surrogates that "surrogatepass" lets through.
raw(bytes([0xff]), bytes('"', [0xc0, 0x80], '"'), bytes('"', [0x80], '"'), bytes('"', [0xc3], '"'), bytes('"', [0xc3]));
raw(bytes('"', [0xe2, 0x82]), bytes('"', [0xe2, 0x82, 0x41], '"'), bytes('"', [0xe0, 0x80, 0x80], '"'), bytes('"', [0xe0, 0xa0, 0x80], '"'));
raw(bytes('"', [0xf0, 0x9f, 0x98], '"'), bytes('"', [0xf0, 0x9f, 0x98]), bytes('"', [0xf0, 0x8f, 0x80, 0x80], '"'), bytes('"', [0xf4, 0x90, 0x80, 0x80], '"'));
raw(bytes('"', [0xf4, 0x8f, 0xbf, 0xbf], '"'), bytes('"', [0xf1, 0x80, 0x80, 0x80], '"'), bytes('"', [0xf5], '"'), bytes('"', [0xf8, 0x80], '"'));
raw(bytes('"', [0xed, 0xa0], '"'), bytes('"', [0xed, 0xa0]), bytes('"', [0xed, 0xa0, 0x41], '"'), bytes('"', [0xed, 0x9f, 0xbf], '"'));
raw(wtf8('"\ud800"'), wtf8('"\udc00" x'), wtf8('"\ud83d\ude00" x'), wtf8('["\ud83d", "\ude00", x]'), wtf8('"\ud800😀" x'));
raw(bytes(wtf8('"\ud83d'), [0xf0, 0x9f, 0x98, 0x80], '" x'), bytes('[1, "', [0xff], '"]'), bytes('[x, "', [0xff], '"]'), bytes("NaN", [0xff]));
// Nesting: Python's RecursionError at MAX_DEPTH + 1, before or after JSON.parse.
const nest = (n: number, open: string, close: string, inner = ""): string => open.repeat(n) + inner + close.repeat(n);
str(nest(MAX_DEPTH, "[", "]"), nest(MAX_DEPTH + 1, "[", "]"), nest(MAX_DEPTH + 1, '{"a":', "}", "1"), nest(MAX_DEPTH, '{"a":', "}", "1"));
str("[".repeat(MAX_DEPTH + 1), "[".repeat(MAX_DEPTH - 1) + "x", nest(MAX_DEPTH + 1, "[", "]", "NaN"), nest(3000, "[", "]"));
str(nest(MAX_DEPTH / 2, '[{"k":', "}]", "0"), nest(MAX_DEPTH / 2 + 1, '[{"k":', "}]", "0"), nest(MAX_DEPTH - 1, "[", "]", "[NaN]"));
str(nest(MAX_DEPTH - 2, "[", "]", "[NaN]"), nest(MAX_DEPTH - 1, "[", "]", "[-Infinity]"), nest(MAX_DEPTH - 1, "[", "]", "[0]"));
str(`["${"[".repeat(3000)}"]`, `["\\"${"[".repeat(3000)}"]`, `["\\\\", ${nest(MAX_DEPTH, "[", "]")}]`, `[${nest(MAX_DEPTH, "[", "]")}]`);
str(`["\\\\\\"[", ${nest(MAX_DEPTH - 1, "[", "]")}]`, `["${"1".repeat(5000)}"]`, `{"${"{".repeat(2000)}": -${"1".repeat(4301)}}`);
str(`["\\"]", ${nest(MAX_DEPTH, "[", "]")}]`, `["\\\\", ${nest(MAX_DEPTH, "[", "]")}]`, `["\\"[", ${"1".repeat(4301)}]`, `"${"[".repeat(2000)}"`);
// Integers of exactly 4301 digits starting at each side of a multiple of 4300.
for (const start of [1, 4299, 4300, 4301, 4303, 8599, 8601]) {
  const pad = start === 1 ? "" : `"${"a".repeat(start - 5)}", `;
  str(`[${pad}${"4".repeat(INT_MAX_STR_DIGITS + 1)}]`, `[${pad}${"4".repeat(INT_MAX_STR_DIGITS)}]`);
}
str(`[${"1".repeat(4301)}, ${nest(MAX_DEPTH + 1, "[", "]")}]`, `[${nest(MAX_DEPTH + 1, "[", "]")}, ${"1".repeat(4301)}]`);
raw(utf8(nest(MAX_DEPTH + 1, "[", "]")), utf16(nest(MAX_DEPTH, "[", "]"), false, true));
// Documents JSON.parse reads alone: it must agree with Python on them.
str('{"a": [1, 2], "b": {"c": "d"}}', '"\\ud800"', '"\\udfff\\ud800"', '[1.0, 1e0, 10E-1, 0.1, -0.0, 100, 1.5e300]', '"\\u0000"');
str(`[${Array(1000).fill('{"a": [1, {}], "b": "[[{"}').join(", ")}]`, `{"a": ${nest(MAX_DEPTH - 1, "[", "]")}, "b": {}}`);
str(`{"big": ${"9".repeat(400)}, "small": 0.${"0".repeat(400)}1}`, " [ 1 , { } ] ");

// ---- the property test's inputs: mutations of valid documents ----

const SEED = 20240611;
const PIECES = ["{", "}", "[", "]", ":", ",", '"', "\\", " ", "\n", "0", "-", ".", "e", "+", "1", "9", "n", "t", "N", "I", "u", "\u0001", "é", "😀", "\ud800", "NaN", "-Infinity", "\\u", "\\ud83d", "/", "'"];
const mutation = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), count: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), piece: fc.constantFrom(...PIECES) }),
  fc.record({ kind: fc.constant("replace" as const), at: fc.nat(), piece: fc.constantFrom(...PIECES) }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
);
type Mutation = { kind: "delete" | "insert" | "replace" | "truncate"; at: number; count?: number; piece?: string };
function mutate(doc: string, mutations: Mutation[]): string {
  for (const m of mutations) {
    const at = doc.length === 0 ? 0 : m.at % (doc.length + 1);
    if (m.kind === "delete") doc = doc.slice(0, at) + doc.slice(at + (m.count ?? 1));
    else if (m.kind === "insert") doc = doc.slice(0, at) + m.piece + doc.slice(at);
    else if (m.kind === "replace") doc = doc.slice(0, at) + m.piece + doc.slice(at + 1);
    else doc = doc.slice(0, at);
  }
  return doc;
}
const encodings = ["str", "utf-8", "utf-16-le", "utf-16-be-bom", "utf-32-le-bom", "utf-32-be"] as const;
const property = fc
  .record({
    value: fc.jsonValue({ maxDepth: 3 }),
    indent: fc.constantFrom(undefined, 1, "\t"),
    mutations: fc.array(mutation, { minLength: 0, maxLength: 3 }),
    encoding: fc.constantFrom(...encodings),
    // Damaged bytes: one replaced by any byte, or a cut anywhere (inside a character too).
    damage: fc.option(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }), cut: fc.boolean() }), { freq: 3 }),
  })
  .map(({ value, indent, mutations, encoding, damage }): Input => {
    const text = mutate(JSON.stringify(value, null, indent) ?? "null", mutations);
    if (encoding === "str") return { str: text };
    let body: Uint8Array;
    if (encoding === "utf-8") body = wtf8(text);
    else if (encoding === "utf-16-le") body = utf16(text, false, false);
    else if (encoding === "utf-16-be-bom") body = utf16(text, true, true);
    else body = utf32(text, encoding === "utf-32-be", encoding === "utf-32-le-bom");
    if (damage && body.length > 0) {
      const at = damage.at % body.length;
      if (damage.cut) body = body.subarray(0, at);
      else body[at] = damage.byte;
    }
    return { bytes: body };
  });
const RUNS = 400;
const randomInputs = fc.sample(property, { seed: SEED, numRuns: RUNS });

// ---- comparison ----

function run(input: Input): () => unknown {
  return "str" in input ? () => loads(input.str) : () => loadsBytes(input.bytes);
}

function describe(input: Input): string {
  const text = "str" in input ? JSON.stringify(input.str) : `bytes ${Buffer.from(input.bytes).toString("hex")}`;
  return text.length > 200 ? `${text.slice(0, 200)}… (${text.length})` : text;
}

// Where JavaScript puts an object's keys: array indexes first, ascending, then the others in order.
function jsKeyOrder(keys: string[]): string[] {
  const isIndex = (k: string): boolean => /^(0|[1-9]\d*)$/.test(k) && Number(k) < 2 ** 32 - 1;
  return [...keys.filter(isIndex).sort((a, b) => Number(a) - Number(b)), ...keys.filter((k) => !isIndex(k))];
}

function pyFloat(repr: string): number {
  return repr === "nan" ? NaN : repr === "inf" ? Infinity : repr === "-inf" ? -Infinity : Number(repr);
}

function match(actual: unknown, expected: Tagged, where: string): void {
  if (expected === null || typeof expected !== "object") {
    assert.is(actual, expected, where);
  } else if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), `${where}: an array`);
    const array = actual as unknown[];
    assert.is(array.length, expected.length, `${where}: length`);
    expected.forEach((e, i) => match(array[i], e, `${where}[${i}]`));
  } else if ("i" in expected) {
    // Python's int is exact; here it is the nearest double (and -0 stays -0).
    assert.is(actual, Number(expected.i), `${where}: int ${expected.i.slice(0, 30)}`);
  } else if ("f" in expected) {
    assert.ok(Object.is(actual, pyFloat(expected.f)), `${where}: float ${expected.f}, got ${String(actual)}`);
  } else {
    assert.is(Object.getPrototypeOf(actual), Object.prototype, `${where}: a plain object`);
    const object = actual as Record<string, unknown>;
    const keys = expected.d.map(([k]) => k);
    assert.equal(Object.keys(object), jsKeyOrder(keys), `${where}: keys`);
    for (const [k, v] of expected.d) match(object[k], v, `${where}.${k}`);
  }
}

function compare(input: Input, expected: Result): void {
  const where = describe(input);
  let value: unknown;
  try {
    value = run(input)();
  } catch (error) {
    assert.ok("error" in expected, `${where}: Python reads ${JSON.stringify(expected).slice(0, 300)}, TypeScript threw ${String(error)}`);
    if (expected.error === "JSONDecodeError") {
      const e = expected as Extract<Result, { msg: string }>;
      assert.instance(error, JSONDecodeError, `${where}: ${String(error)}`);
      const actual = error as JSONDecodeError;
      assert.equal(
        { msg: actual.msg, pos: actual.pos, lineno: actual.lineno, colno: actual.colno, str: actual.message },
        { msg: e.msg, pos: e.pos, lineno: e.lineno, colno: e.colno, str: e.str },
        where,
      );
      assert.ok(actual.doc === e.doc, `${where}: doc`);
    } else {
      assert.instance(error, BodyDecodeError, `${where}: ${String(error)}`);
      const actual = error as BodyDecodeError;
      assert.equal({ type: actual.type, str: actual.message }, { type: expected.error, str: expected.str }, where);
    }
    return;
  }
  assert.ok("ok" in expected, `${where}: Python raises ${JSON.stringify(expected)}, TypeScript read ${JSON.stringify(value)?.slice(0, 300)}`);
  match(value, (expected as { ok: Tagged }).ok, where);
}

// ---- Python ----

function oracle(inputs: Input[]): { depth: number; results: Result[] } {
  const payload = inputs.map((input) =>
    "str" in input ? { str: Buffer.from(input.str, "utf16le").toString("base64") } : Buffer.from(input.bytes).toString("base64"),
  );
  const result = spawnSync(PYTHON, [ORACLE, String(MAX_DEPTH)], { input: JSON.stringify(payload), encoding: "utf8", maxBuffer: 256 * 1024 * 1024, timeout: 120_000 });
  if (result.status !== 0) throw new Error(`pyjson_oracle.py failed (${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout) as { depth: number; results: Result[] };
}

function havePython(): boolean {
  if (existsSync(PYTHON)) return true;
  if (process.env.CI) throw new Error(`CI must provide the reference virtualenv for the json.loads interop tests: ${PYTHON}`);
  console.warn(`(json.loads interop tests not run: no ${PYTHON})`);
  return false;
}

if (havePython()) {
  const all = [...corpus, ...randomInputs];
  const answer = oracle(all);

  test("the oracle's Python fails at the same depth as MAX_DEPTH", () => {
    assert.is(answer.depth, MAX_DEPTH);
    assert.is(answer.results.length, all.length);
  });

  test(`corpus: ${corpus.length} hand-picked inputs read as Python reads them`, () => {
    assert.ok(corpus.length >= 80, "at least 80 inputs");
    corpus.forEach((input, i) => compare(input, answer.results[i]));
  });

  test(`corpus covers every outcome`, () => {
    const seen = new Set(answer.results.slice(0, corpus.length).map((r) => ("ok" in r ? "ok" : r.error === "JSONDecodeError" ? (r as { msg: string }).msg : r.error)));
    for (const outcome of ["ok", "UnicodeDecodeError", "RecursionError", "ValueError", "Expecting value", "Expecting ',' delimiter", "Expecting ':' delimiter", "Expecting property name enclosed in double quotes", "Unterminated string starting at", "Invalid control character at", "Invalid \\escape", "Invalid \\uXXXX escape", "Extra data", "Unexpected UTF-8 BOM (decode using utf-8-sig)"]) {
      assert.ok(seen.has(outcome), outcome);
    }
  });

  test(`property: ${RUNS} mutated documents (seed ${SEED}) read as Python reads them`, () => {
    randomInputs.forEach((input, i) => compare(input, answer.results[corpus.length + i]));
    const errors = answer.results.slice(corpus.length).filter((r) => "error" in r).length;
    assert.ok(errors > RUNS / 4 && errors < RUNS, `a mix of valid and invalid documents (${errors} errors)`);
  });
}

// ---- without Python ----

test("a __proto__ key is an own property, never the prototype", () => {
  for (const doc of ['{"__proto__": {"polluted": 1}}', '{"__proto__": {"polluted": NaN}}', '[{"__proto__": {"polluted": Infinity}}]']) {
    const value = loads(doc);
    const object = (Array.isArray(value) ? value[0] : value) as Record<string, unknown>;
    assert.is(Object.getPrototypeOf(object), Object.prototype, doc);
    assert.equal(Object.keys(object), ["__proto__"], doc);
    assert.is((object as { polluted?: unknown }).polluted, undefined, doc);
    assert.is(({} as { polluted?: unknown }).polluted, undefined, doc);
  }
});

test("JSONDecodeError computes lineno and colno from pos as Python does", () => {
  for (const doc of ["\n\n😀 x", "😀😀\n 😀\n  x", "x", '["😀",\n\n\t}']) {
    let error: unknown;
    try {
      loads(doc);
    } catch (e) {
      error = e;
    }
    assert.instance(error, JSONDecodeError, doc);
    const thrown = error as JSONDecodeError;
    const made = new JSONDecodeError(thrown.msg, thrown.doc, thrown.pos);
    assert.equal([made.lineno, made.colno, made.message, made.name], [thrown.lineno, thrown.colno, thrown.message, "JSONDecodeError"], doc);
  }
});

test("loadsBytes reads a body that is a view into a larger buffer", () => {
  const whole = Buffer.from('xx{"a": [1, NaN]}yy');
  assert.equal(loadsBytes(whole.subarray(2, whole.length - 2)), { a: [1, NaN] });
  const wide = Buffer.concat([Buffer.from("x"), Buffer.from(utf32("[1]", false, true))]);
  assert.equal(loadsBytes(wide.subarray(1)), [1]);
});

test.run();
