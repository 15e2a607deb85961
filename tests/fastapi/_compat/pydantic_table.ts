// The behaviour table shared by the _compat tests: Python types as FastAPI declares them, the
// same declarations in zod, valibot and arktype, and inputs as a request brings them (strings)
// or a JSON body does. tests/python/pydantic_lax_oracle.py says what pydantic does with each.
import { toStandardJsonSchema } from "@valibot/to-json-schema";
import { type } from "arktype";
import * as v from "valibot";
import { z } from "zod";
import type { ErrorDetails } from "../../../src/fastapi/_compat/errors.ts";
import type { StandardSchemaV1 } from "../../../src/fastapi/_compat/standard_schema.ts";
import { requirePython, runPython } from "../../python.ts";

export type Vendor = "zod" | "valibot" | "arktype";
export const VENDORS: Vendor[] = ["zod", "valibot", "arktype"];

export interface Row {
  /** The Python type, as the oracle evaluates it (models from PRELUDE). */
  py: string;
  schemas: Record<Vendor, StandardSchemaV1>;
  inputs: unknown[];
  /** A union: pydantic tags its errors with the member; the layer reports none and leaves them to the validator. */
  union?: boolean;
  /**
   * Inputs where a vendor's outcome is not pydantic's, with why: the validator decides otherwise
   * (after a conversion that was pydantic's), or with `layer`, its JSON Schema makes the layer's
   * conversion differ too.
   */
  differs?: Partial<Record<Vendor, { inputs: unknown[]; why: string; layer?: true }>>;
}

/** What pydantic gives: the value (JSON-safe) or the errors. */
export type Outcome = { value: unknown; errors?: undefined } | { errors: ErrorDetails[]; value?: undefined };

// Field names in alphabetical order: arktype's JSON Schema lists required keys so, and pydantic
// reports in declaration order, so the two agree.
export const PRELUDE = `
class Item(BaseModel):
    name: str
    price: float

class Box(BaseModel):
    item: Item
    items: List[Item]
    tags: Dict[str, int] = {}

class Mixed(BaseModel):
    a: int
    b: Annotated[str, Field(min_length=3)]
    c: int

class Strict(BaseModel):
    model_config = {"extra": "forbid"}
    a: int
    b: int = 0

class Color(str, enum.Enum):
    a = "a"
    b = "b"
`;

const vs = (schema: Parameters<typeof toStandardJsonSchema>[0]): StandardSchemaV1 => toStandardJsonSchema(schema) as StandardSchemaV1;
const vInt = () => v.pipe(v.number(), v.integer());

const zItem = z.object({ name: z.string(), price: z.number() });
const vItem = v.object({ name: v.string(), price: v.number() });
const aItem = type({ name: "string", price: "number" });

const HUGE_INTS = ["1" + "0".repeat(4299), "-" + "1".repeat(4299), "0" + "1".repeat(4300), "+" + "1".repeat(4300), "1".repeat(4300) + ".0", "-0" + "1".repeat(4299)];
export const INT_STRINGS = [
  "5", " 5 ", "+5", "-5", "1_000", "1__0", "_1", "1_", "5.0", "5.5", "5.", "5e0", "1e3", "0x10", "05", "00", "-00", "0_000", "0_",
  "0-5", "-0-5", "-1_0", "+1_0", "-1_000.00", "０5", "٣", "", " ", "inf", "nan", "-", "+", "+-5", "-+5", "--5", "- 5", ".5", "1_000.0", "1.0_0", "00.00", "000.5",
  "0.", "-0", "-0.0", "01_0", "0_1", "-01", "-0_1", "+_1", "5_.0", "5.0_", "\u00855", "\ufeff5", "5\u3000", "\t5\n", "\u000b5",
  "\u200b5", "\u001c5", "1 000", "12345678901234567", "99999999999999999999999", "true", ...HUGE_INTS, "1" + "0".repeat(4300),
  "-" + "1".repeat(4300), "-0" + "1".repeat(4300),
];
export const FLOAT_STRINGS = [
  "5", " 5.5 ", "1_000.5", " 1_0", "1_0 ", "1e3", "1E3", ".5", "5.", "+5", "inf", "-inf", "+inf", "Infinity", "INF", "nan", "NaN",
  "-nan", "+NaN", "infinity", "infinit", "0x10", "", " ", "٣", "true", "1e400", "1e-400", "-0", "1_e3", "1e1_0", "1.5_5", "e5", "1e",
  "1.2.3", "--1", "1e+5", "1e-5", "+.5", "-.5e1", ".", "+", "\u00a05\u2003", "\ufeff5", "5_",
];
export const BOOL_STRINGS = [
  "true", "True", "TRUE", "yes", "Y", "on", "1", "0", "off", "f", "F", "no", "n", "t", " true", "true ", "", "2", "1.0", "oN", "tRuE",
  "ｔrue", "none", "null", "falsey", "00", "-1",
];
export const JSON_SCALARS: unknown[] = [5, -5, 0, 5.5, -0.5, 1e20, true, false, null, [], {}, [1], { a: 1 }, "x", Infinity, NaN];

const A_LIST: unknown[] = [];
const PROTO_KEY: unknown = JSON.parse('{"__proto__": "5", "b": "6"}');
const NUMBERS_WITHOUT_NAN = { inputs: ["nan", "NaN", "-nan", "+NaN", NaN], why: "pydantic's float takes nan; the validator's number does not" };
const INFINITE = ["inf", "-inf", "+inf", "Infinity", "INF", "infinity", "1e400", Infinity];

export const ROWS: Row[] = [
  {
    py: "int",
    schemas: { zod: z.int(), valibot: vs(vInt()), arktype: type("number.integer") },
    inputs: [...INT_STRINGS, ...JSON_SCALARS, 2 ** 53, 9.3e18, -1e19],
    differs: {
      zod: { inputs: [...HUGE_INTS, "99999999999999999999999", "12345678901234567", 2 ** 53, 1e20, 9.3e18, -1e19], why: "zod's z.int() is a safe integer" },
      valibot: { inputs: HUGE_INTS, why: "an int of more than 309 digits is Infinity in JavaScript" },
      arktype: { inputs: HUGE_INTS, why: "an int of more than 309 digits is Infinity in JavaScript" },
    },
  },
  {
    py: "float",
    schemas: { zod: z.number(), valibot: vs(v.number()), arktype: type("number") },
    inputs: [...FLOAT_STRINGS, ...JSON_SCALARS],
    differs: {
      zod: { inputs: [...INFINITE, ...NUMBERS_WITHOUT_NAN.inputs], why: "zod's number is finite" },
      valibot: NUMBERS_WITHOUT_NAN,
      arktype: NUMBERS_WITHOUT_NAN,
    },
  },
  { py: "bool", schemas: { zod: z.boolean(), valibot: vs(v.boolean()), arktype: type("boolean") }, inputs: [...BOOL_STRINGS, ...JSON_SCALARS, 2, 1.0, 0.0, -1, 1e21] },
  { py: "str", schemas: { zod: z.string(), valibot: vs(v.string()), arktype: type("string") }, inputs: ["", " x ", "5", ...JSON_SCALARS] },
  { py: "None", schemas: { zod: z.null(), valibot: vs(v.null()), arktype: type("null") }, inputs: [null, "", "null", "None", 0, false, []] },
  {
    py: "Optional[int]",
    schemas: { zod: z.int().nullable(), valibot: vs(v.nullable(vInt())), arktype: type("number.integer | null") },
    inputs: ["5", "x", "", "null", null, 5, 5.5, true, []],
  },
  {
    py: "List[int]",
    schemas: { zod: z.array(z.int()), valibot: vs(v.array(vInt())), arktype: type("number.integer[]") },
    inputs: [[], ["1", "2"], ["1", "x", 2.5, null], "x", "1", { 0: 1 }, null, 5, [[1]], [true, "  7 "]],
  },
  {
    py: "List[Optional[float]]",
    schemas: { zod: z.array(z.number().nullable()), valibot: vs(v.array(v.nullable(v.number()))), arktype: type("(number | null)[]") },
    inputs: [["1.5", null, "x", "", 2]],
  },
  {
    py: "Dict[str, int]",
    schemas: { zod: z.record(z.string(), z.int()), valibot: vs(v.record(v.string(), vInt())), arktype: type("Record<string, number.integer>") },
    inputs: [{}, { a: "1", b: "x", c: 2.5 }, A_LIST, [["a", 1]], "x", null, 5, PROTO_KEY],
    differs: {
      zod: { inputs: [PROTO_KEY], why: "zod's record leaves out a __proto__ key" },
      valibot: { inputs: [PROTO_KEY, A_LIST], why: "valibot's record leaves out a __proto__ key, and takes an array (the raw value passes first)" },
      arktype: { inputs: [A_LIST], why: "arktype's record takes an array (the raw value passes first)" },
    },
  },
  {
    py: "Tuple[int, str]",
    schemas: { zod: z.tuple([z.int(), z.string()]), valibot: vs(v.strictTuple([vInt(), v.string()])), arktype: type(["number.integer", "string"]) },
    inputs: [["1", "a"], [1], [], ["x"], ["x", 1, "extra"], [1, "a", "b"], ["1", 2], "x", {}, null],
  },
  {
    py: "Tuple[int]",
    schemas: { zod: z.tuple([z.int()]), valibot: vs(v.strictTuple([vInt()])), arktype: type(["number.integer"]) },
    inputs: [["1"], [1, 2], []],
  },
  {
    py: "Item",
    schemas: { zod: zItem, valibot: vs(vItem), arktype: aItem },
    inputs: [
      { name: "a", price: "1.5" }, { name: "a", price: 2 }, {}, { name: 5 }, { price: "x", name: 1 }, { name: "a", price: "1.5", extra: 1 },
      "x", 5, null, [], [["name", "a"]], true, JSON.parse('{"__proto__": {"polluted": 1}, "name": "p", "price": "1"}'),
    ],
  },
  {
    py: "Box",
    schemas: {
      zod: z.object({ item: zItem, items: z.array(zItem), tags: z.record(z.string(), z.int()).default({}) }),
      valibot: vs(v.object({ item: vItem, items: v.array(vItem), tags: v.optional(v.record(v.string(), vInt()), {}) })),
      arktype: type({ item: aItem, items: aItem.array(), tags: type("Record<string, number.integer>").default(() => ({})) }),
    },
    inputs: [
      {}, { item: "x", items: "y", tags: [] }, { item: {}, items: [{}, 5, { name: 1, price: "x" }], tags: { a: "x", b: "2" } },
      { item: { name: "a", price: 1 }, items: { 0: { name: "a", price: 1 } } }, { item: { name: "a", price: "1" }, items: [{ name: "b", price: "2.5" }], tags: { x: "3" } },
      { items: [{ price: "1" }], item: { price: "y", name: "n" } },
    ],
  },
  {
    py: "Strict",
    schemas: {
      zod: z.strictObject({ a: z.int(), b: z.int().default(0) }),
      valibot: vs(v.strictObject({ a: vInt(), b: v.optional(vInt(), 0) })),
      arktype: type({ a: "number.integer", b: type("number.integer").default(0), "+": "reject" }),
    },
    inputs: [{ a: "1" }, { z: 1, a: "x", y: 2 }, { z: 1 }, { a: 1, b: "2" }, "x"],
  },
  {
    // The layer's errors and the validator's, merged in the model's field order.
    py: "List[Mixed]",
    schemas: {
      zod: z.array(z.object({ a: z.int(), b: z.string().min(3), c: z.int() })),
      valibot: vs(v.array(v.object({ a: vInt(), b: v.pipe(v.string(), v.minLength(3)), c: vInt() }))),
      arktype: type({ a: "number.integer", b: "string >= 3", c: "number.integer" }).array(),
    },
    inputs: [[{ c: "x", b: "ab", a: "y" }, { b: "ab" }, { c: "1", b: "abc", a: "2" }, { a: 1, b: 5, c: 1 }]],
  },
  {
    py: "Dict[str, Annotated[int, Field(ge=1)]]",
    schemas: { zod: z.record(z.string(), z.int().min(1)), valibot: vs(v.record(v.string(), v.pipe(vInt(), v.minValue(1)))), arktype: type({ "[string]": "number.integer >= 1" }) },
    inputs: [{ x: "y", a: "0", b: "z", c: 0 }],
  },
  {
    py: "Optional[Item]",
    schemas: { zod: zItem.nullable(), valibot: vs(v.nullable(vItem)), arktype: aItem.or("null") },
    inputs: [null, { name: "a", price: "2" }, { name: "a" }, "x", 5],
  },
  {
    py: "Dict[str, Item]",
    schemas: { zod: z.record(z.string(), zItem), valibot: vs(v.record(v.string(), vItem)), arktype: type({ "[string]": aItem }) },
    inputs: [{ a: 5, b: {} }, { a: { name: "x", price: "3" } }],
  },
  {
    py: "Union[int, str]",
    union: true,
    schemas: { zod: z.union([z.int(), z.string()]), valibot: vs(v.union([vInt(), v.string()])), arktype: type("number.integer | string") },
    inputs: ["5", 5, "x", 5.5, [], null, true],
  },
  {
    py: "Union[int, float]",
    union: true,
    schemas: { zod: z.union([z.int(), z.number()]), valibot: vs(v.union([vInt(), v.number()])), arktype: type("number.integer | number") },
    inputs: ["5", "5.5", 5, 5.5, "x", null],
    differs: { arktype: { inputs: ["x", null], why: "arktype reduces the union to number: the layer reports float_parsing / float_type, untagged", layer: true } },
  },
  {
    py: "Union[bool, int]",
    union: true,
    schemas: { zod: z.union([z.boolean(), z.int()]), valibot: vs(v.union([v.boolean(), vInt()])), arktype: type("boolean | number.integer") },
    inputs: ["1", "5", "true", 1, true, "x"],
    differs: { arktype: { inputs: ["1"], why: "arktype's JSON Schema lists number before boolean: the first member that converts wins", layer: true } },
  },
  {
    py: "Union[int, bool]",
    union: true,
    schemas: { zod: z.union([z.int(), z.boolean()]), valibot: vs(v.union([vInt(), v.boolean()])), arktype: type("number.integer | boolean") },
    inputs: ["1", "true", true, 0],
  },
  {
    py: "Literal[1, 2]",
    schemas: { zod: z.literal([1, 2]), valibot: vs(v.picklist([1, 2])), arktype: type("1 | 2") },
    inputs: [1, 2, 3, "1", "x"],
  },
  {
    py: 'Literal["a", "b"]',
    schemas: { zod: z.literal(["a", "b"]), valibot: vs(v.picklist(["a", "b"])), arktype: type("'a' | 'b'") },
    inputs: ["a", "c", 1],
  },
  {
    // Python's Enum is zod's z.enum and valibot's v.enum; arktype has no enum, only a Literal's union.
    py: "Color",
    schemas: { zod: z.enum(["a", "b"]), valibot: vs(v.enum({ a: "a", b: "b" })), arktype: type("'a' | 'b'") },
    inputs: ["a", "c", 1],
    differs: { arktype: { inputs: ["c", 1], why: "arktype has no enum type: a union of units is a Literal (literal_error)" } },
  },
  {
    py: "Annotated[int, Field(ge=1, le=10)]",
    schemas: { zod: z.int().min(1).max(10), valibot: vs(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10))), arktype: type("1 <= number.integer <= 10") },
    inputs: ["0", " 0 ", "11", "5", "x", 0, 5],
  },
  {
    py: "Annotated[float, Field(gt=0, lt=1)]",
    schemas: { zod: z.number().gt(0).lt(1), valibot: vs(v.pipe(v.number(), v.gtValue(0), v.ltValue(1))), arktype: type("0 < number < 1") },
    inputs: ["0", "1", "0.5", 0, 1],
  },
  {
    py: "Annotated[int, Field(multiple_of=3)]",
    schemas: { zod: z.int().multipleOf(3), valibot: vs(v.pipe(vInt(), v.multipleOf(3))), arktype: type("number.integer % 3") },
    inputs: ["4", "6", 4],
  },
  {
    py: 'Annotated[str, Field(min_length=2, max_length=3, pattern="^a+$")]',
    schemas: {
      zod: z.string().min(2).max(3).regex(/^a+$/),
      valibot: vs(v.pipe(v.string(), v.minLength(2), v.maxLength(3), v.regex(/^a+$/))),
      arktype: type("/^a+$/").and("2 <= string <= 3"),
    },
    inputs: ["a", "aaaa", "bb", "aa", 5],
  },
  {
    py: "Annotated[List[int], Field(min_length=2)]",
    schemas: { zod: z.array(z.int()).min(2), valibot: vs(v.pipe(v.array(vInt()), v.minLength(2))), arktype: type("number.integer[] >= 2") },
    inputs: [["1"], ["x"], ["1", "2"], [1, "x"]],
  },
];

/** Non-finite numbers as the oracle writes them; everything else as it is. */
export function jsonable(value: unknown): unknown {
  if (typeof value === "number" && !Number.isFinite(value)) return { $float: Number.isNaN(value) ? "nan" : value > 0 ? "inf" : "-inf" };
  if (Array.isArray(value)) return value.map(jsonable);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(value)) Object.defineProperty(out, k, { value: jsonable(x), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value;
}

/** pydantic's outcome for each (row, input), or null when the venv is not there (see requirePython). */
export function oracle(rows: readonly Row[], imports = ""): Outcome[][] | null {
  if (!requirePython("pydantic")) return null;
  const cases = rows.flatMap((row) => row.inputs.map((input) => [row.py, jsonable(input)]));
  const flat = runPython<Outcome[]>("pydantic_lax_oracle", { prelude: `${imports}\n${PRELUDE}`, cases });
  let i = 0;
  return rows.map((row) => row.inputs.map(() => flat[i++]));
}

/**
 * Whether `ours` is pydantic's `theirs`, reading only the keys pydantic kept (a validator may keep
 * extra ones); `beforeDefaults`: a key pydantic filled with its default may be absent from ours.
 */
export function sameValue(ours: unknown, theirs: unknown, beforeDefaults = false): boolean {
  if (Array.isArray(theirs)) return Array.isArray(ours) && ours.length === theirs.length && theirs.every((t, i) => sameValue(ours[i], t, beforeDefaults));
  if (theirs !== null && typeof theirs === "object") {
    if (ours === null || typeof ours !== "object") return false;
    return Object.keys(theirs).every((k) =>
      Object.hasOwn(ours, k) ? sameValue((ours as Record<string, unknown>)[k], (theirs as Record<string, unknown>)[k], beforeDefaults) : beforeDefaults,
    );
  }
  return Object.is(ours, theirs) || ours === theirs;
}

/** Why a vendor's outcome for `input` is not pydantic's (`layer`: why its conversion is not), or undefined. */
export function differs(row: Row, vendor: Vendor, input: unknown, layer = false): string | undefined {
  const entry = row.differs?.[vendor];
  return entry?.inputs.some((x) => Object.is(x, input)) && (entry.layer === true || !layer) ? entry.why : undefined;
}

export const describe = (row: Row, input: unknown): string => `${row.py} <- ${JSON.stringify(jsonable(input))?.slice(0, 80)}`;
