// The kit of tests/fastapi/kits/kit.ts in valibot 1: each schema is wrapped with
// @valibot/to-json-schema's toStandardJsonSchema (the layer reads its JSON Schema to convert
// "5" to 5), and keeps the bare valibot schema to compose into bigger ones.
import { toStandardJsonSchema } from "@valibot/to-json-schema";
import * as v from "valibot";
import { type Kit, type Scalar, type Schema, type Shape, parseWith } from "./kit.js";

type Bare = v.GenericSchema;

const BARE: unique symbol = Symbol("valibot schema");

interface Wrapped<T> extends Schema<T> {
  readonly [BARE]: Bare;
}

function kit<T>(bare: Bare): Schema<T> {
  return Object.assign(toStandardJsonSchema(bare) as unknown as Schema<T>, { [BARE]: bare });
}

const bare = (schema: Schema<unknown>): Bare => (schema as Wrapped<unknown>)[BARE];

const entriesOf = (shape: Shape): v.ObjectEntries => Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, bare(s)]));

/** A model's or enum's name, as OpenAPI's components know it: its JSON Schema title. */
const named = (schema: Bare, name: string | undefined): Bare => (name === undefined ? schema : v.pipe(schema, v.title(name)));

// The scheme of a URL that parses: one that does not is v.url()'s to report (a pipe runs every check).
const isHttp = (url: string): boolean => !URL.canParse(url) || /^https?:$/.test(new URL(url).protocol);

function literalOf(values: readonly Scalar[]): Bare {
  if (values.length === 1) return values[0] === null ? v.null() : v.literal(values[0]);
  if (values.every((x) => typeof x === "string" || typeof x === "number")) return v.picklist(values as Array<string | number>);
  return v.union(values.map((x) => (x === null ? v.null() : v.literal(x))));
}

// valibot validates a default as input (a set's default is the list it would be made from),
// and hands it out as it is: a fresh copy each time.
const defaultOf = (value: unknown) => (): unknown => structuredClone(value instanceof Set ? [...value] : value);

const intKey = v.pipe(
  v.string(),
  v.regex(/^-?\d+$/),
  v.transform((key) => String(Number(key))),
);

export const valibotKit: Kit = {
  name: "valibot",
  unknown: () => kit(v.unknown()),
  string: () => kit(v.string()),
  int: () => kit(v.pipe(v.number(), v.integer())),
  number: () => kit(v.number()),
  boolean: () => kit(v.boolean()),
  httpUrl: () => kit(v.pipe(v.string(), v.url(), v.check(isHttp, "Invalid URL: expected an http or https URL"), v.transform((url) => new URL(url).href))),
  literal: (values) => kit(literalOf(values)),
  enum: (values, name) => kit(named(v.enum(Object.fromEntries(values.map((x) => [x, x]))), name)),
  nullable: (inner) => kit(v.nullable(bare(inner))),
  optional: (inner) => kit(v.optional(bare(inner))),
  withDefault: (inner, value) => kit(v.optional(bare(inner), defaultOf(value))),
  orNone: (inner) => kit(v.optional(v.nullable(bare(inner)), null)),
  array: (item) => kit(v.array(bare(item))),
  set: (item) => kit(v.pipe(v.array(bare(item)), v.transform((items) => new Set(items)))),
  // JSON keys are text: an int key is a string of digits, written as the int it is ("007" is "7"), as zod does.
  record: (keys, value) => kit(v.record(keys === "int" ? intKey : v.string(), bare(value))),
  object: (shape, name) => kit(named(v.object(entriesOf(shape)), name)),
  strictObject: (shape, name) => kit(named(v.strictObject(entriesOf(shape)), name)),
  union: (members) => kit(v.union(members.map(bare))),
  refine: (inner, check, message) => kit(v.pipe(bare(inner), v.check(check as (value: unknown) => boolean, message))),
  parse: parseWith,
};
