// The kit of tests/fastapi/kits/kit.ts in arktype 2. arktype has no standalone default or
// optional (`type("number").default(0)` is a tuple, valid only as an object's property): inside
// an object they are arktype's own; as a whole param (Query(withDefault(int(), 0))) the kit
// gives a small Standard Schema that answers an absent value itself and hands any other to arktype.
import { type Type, type } from "arktype";
import type { StandardJSONSchemaV1 } from "../../../src/fastapi/_compat/standard_schema.js";
import { type Kit, type Scalar, type Schema, type Shape, parseWith } from "./kit.js";

type Ark = Type<unknown>;

/** How a schema stands in an object: its arktype Type, and a default or optionality. */
interface Entry {
  readonly type: Ark;
  readonly absent?: { readonly optional: true } | { readonly default: unknown };
}

const ENTRY: unique symbol = Symbol("arktype entry");

interface Absentable<T> extends Schema<T> {
  readonly [ENTRY]: Entry;
}

const kit = <T>(t: Ark): Schema<T> => t as unknown as Schema<T>;

function entry(schema: Schema<unknown>): Entry {
  return (schema as Partial<Absentable<unknown>>)[ENTRY] ?? { type: schema as unknown as Ark };
}

/** The Type itself: a default or optional only makes sense as an object's property. */
function ark(schema: Schema<unknown>): Ark {
  const e = entry(schema);
  if (e.absent !== undefined) throw new TypeError("arktype: a default or optional schema can only be a whole param or an object's property");
  return e.type;
}

// arktype's default is an input (a set's is the list it is made from), copied for each use.
const inputOf = (value: unknown): unknown => (value instanceof Set ? [...value] : value);
const defaultThunk = (value: unknown) => (): unknown => structuredClone(inputOf(value));

/** A Standard Schema for `t` that answers an absent value with `whenAbsent()`. */
function absentable<T>(t: Ark, absent: NonNullable<Entry["absent"]>): Schema<T> {
  const standard = t["~standard"];
  // The value itself (arktype morphs an object property's default, not this one).
  const whenAbsent = "default" in absent ? (): unknown => structuredClone(absent.default) : () => undefined;
  const withDefault = (schema: Record<string, unknown>): Record<string, unknown> => ("default" in absent ? { ...schema, default: inputOf(absent.default) } : schema);
  const converter: StandardJSONSchemaV1.Converter = {
    input: (options) => withDefault(standard.jsonSchema.input(options)),
    output: (options) => standard.jsonSchema.output(options),
  };
  const schema: Absentable<T> = {
    "~standard": {
      version: 1,
      vendor: "arktype",
      validate: (value) => (value === undefined ? { value: whenAbsent() as T } : (standard.validate(value) as ValidateResult<T>)),
      jsonSchema: converter,
    },
    [ENTRY]: { type: t, absent },
  };
  return schema;
}

type ValidateResult<T> = ReturnType<Schema<T>["~standard"]["validate"]>;

function definitionOf(shape: Shape): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(shape)) {
    const e = entry(schema);
    if (e.absent === undefined) out[key] = e.type;
    else if ("optional" in e.absent) out[`${key}?`] = e.type;
    else out[key] = e.type.default(defaultThunk(e.absent.default) as never);
  }
  return out;
}

/** An object type that drops ("delete") or refuses ("reject") keys it does not declare. */
const undeclared = (t: Ark, what: "delete" | "reject"): Ark => (t as unknown as Type<object>).onUndeclaredKey(what) as unknown as Ark;

/** A model's or enum's name, as OpenAPI's components know it: its JSON Schema title. */
const named = (t: Ark, name: string | undefined): Ark => (name === undefined ? t : (t.configure({ title: name }) as unknown as Ark));

// The scheme of a URL that parses (one that does not is string.url's to report).
const isHttp = (url: string): boolean => !URL.canParse(url) || /^https?:$/.test(new URL(url).protocol);

export const arktypeKit: Kit = {
  name: "arktype",
  unorderedKeys:
    "arktype normalises an object's keys (the required ones sorted, then the optional ones), in its output as in its JSON Schema: the declaration order is lost",
  unknown: () => kit(type("unknown")),
  string: () => kit(type("string")),
  int: () => kit(type("number.integer")),
  number: () => kit(type("number")),
  boolean: () => kit(type("boolean")),
  httpUrl: () =>
    kit(
      type("string.url")
        .narrow((url, ctx) => isHttp(url) || ctx.reject({ message: "must be an http or https URL" }))
        .pipe((url) => new URL(url).href),
    ),
  literal: (values) => kit(type.enumerated(...(values as readonly Scalar[]))),
  // arktype has no enum apart from a union of units.
  enum: (values, name) => kit(named(type.enumerated(...values) as unknown as Ark, name)),
  nullable: (inner) => kit(ark(inner).or(type.null)),
  optional: (inner) => absentable(ark(inner), { optional: true }),
  withDefault: (inner, value) => absentable(ark(inner), { default: value }),
  orNone: (inner) => absentable(ark(inner).or(type.null), { default: null }),
  array: (item) => kit(ark(item).array()),
  set: (item) => kit(ark(item).array().pipe((items) => new Set(items))),
  // JSON keys are text: an int key is a string of digits (arktype's string.integer); any other
  // key is refused, so that "007" is converted (to "7") rather than kept beside the int keys.
  record: (keys, value) =>
    kit(keys === "int" ? undeclared(type({ "[string.integer]": ark(value) } as never), "reject") : type({ "[string]": ark(value) } as never)),
  object: (shape, name) => kit(named(undeclared(type(definitionOf(shape) as never), "delete"), name)),
  strictObject: (shape, name) => kit(named(undeclared(type(definitionOf(shape) as never), "reject"), name)),
  // Ordered, as zod's and valibot's: .or() refuses members whose inputs overlap when one has a
  // morph (a default is one), such as two models that differ by a field.
  union: (members) => kit(type.schema({ branches: members.map(ark) as never, ordered: true }) as unknown as Ark),
  refine: (inner, check, message) => kit(ark(inner).narrow((value, ctx) => check(value as never) || ctx.reject({ message }))),
  parse: parseWith,
};
