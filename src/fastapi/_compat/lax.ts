// Port of pydantic-core's lax "python" mode (src/validators/: int, float, bool, string, none, list,
// tuple, dict, model_fields, union, as FastAPI's ModelField.validate runs them) driven by a JSON
// Schema: "5" becomes 5 for an integer, "yes" true for a boolean, and a value that cannot be
// converted gets pydantic's own error while it stays as it was, for the validator to see.
import { type ErrorDetails, type Loc, laxError, tupleTooLong } from "./errors.js";
import { type JsonSchema, type JsonSchemaObject, deref, isSchemaObject, resolveRef, typesOf } from "./json_schema.js";
import { numberAsBool, numberAsInt, strAsBool, strAsFloat, strAsInt } from "./lax_scalars.js";

/**
 * Converts `value` found at `loc`, pushing pydantic's errors for what it cannot convert (and
 * leaving those parts as they were). `loc` is used as a stack and is as it was on return.
 */
export type Converter = (value: unknown, loc: Loc, errors: ErrorDetails[]) => unknown;

/** A compiled schema: its converter, and whether a value is already of its type (pydantic's "exact" match, for unions). */
export interface LaxNode {
  readonly convert: Converter;
  readonly exact: (value: unknown) => boolean;
}

interface Context {
  readonly root: JsonSchema;
  readonly cache: Map<JsonSchemaObject, LaxNode>;
}

type Failure = string;

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

// A key named "__proto__" is data (as JSON.parse makes it), never the copy's prototype.
function define(out: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

const ANY: LaxNode = { convert: (value) => value, exact: () => true };

/** A scalar type: `exact` values pass, others go through `lax`, which gives a value or a failure. */
function scalar(exact: (v: unknown) => boolean, lax: (v: unknown) => unknown): LaxNode {
  return {
    exact,
    convert(value, loc, errors) {
      if (exact(value)) return value;
      const out = lax(value);
      if (typeof out !== "string") return out;
      errors.push(laxError(out, loc, value));
      return value;
    },
  };
}

const isNumber = (v: unknown): v is number => typeof v === "number";
const isString = (v: unknown): v is string => typeof v === "string";

// Each lax function returns the converted value, or the error type as a string (so string
// schemas, whose converted value would be a string, never get here: their exact() takes every string).
const INTEGER = scalar(
  (v) => typeof v === "number" && Number.isInteger(v),
  (v): unknown => (isNumber(v) ? numberAsInt(v) : isString(v) ? strAsInt(v) : typeof v === "boolean" ? Number(v) : "int_type"),
);
const NUMBER = scalar(isNumber, (v): unknown => (isString(v) ? strAsFloat(v) : typeof v === "boolean" ? Number(v) : "float_type"));
const BOOLEAN = scalar(
  (v) => typeof v === "boolean",
  (v): unknown => (isString(v) ? strAsBool(v) : isNumber(v) ? numberAsBool(v) : "bool_type"),
);
const STRING = scalar(isString, (): Failure => "string_type");
const NULL = scalar((v) => v === null, (): Failure => "none_required");

/** const / enum: pydantic converts nothing for a Literal ("1" is not 1), so neither does this. */
function literal(values: unknown[]): LaxNode {
  return { convert: (value) => value, exact: (value) => values.some((x) => x === value || (typeof x === "object" && x !== null)) };
}

function nullable(inner: LaxNode): LaxNode {
  return {
    convert: (value, loc, errors) => (value === null ? null : inner.convert(value, loc, errors)),
    exact: (value) => value === null || inner.exact(value),
  };
}

/**
 * pydantic's smart union: the first member the value already matches exactly, else the first
 * that converts it without error; else the value as it was and no error (the validator reports).
 */
function union(members: LaxNode[]): LaxNode {
  return {
    convert(value, loc, errors) {
      for (const m of members) if (m.exact(value)) return m.convert(value, loc, errors);
      for (const m of members) {
        const failed: ErrorDetails[] = [];
        const out = m.convert(value, loc, failed);
        if (failed.length === 0 && m.exact(out)) return out;
      }
      return value;
    },
    exact: (value) => members.some((m) => m.exact(value)),
  };
}

/** allOf: each member's conversion in turn, up to the first that fails. */
function allOf(members: LaxNode[]): LaxNode {
  return {
    convert(value, loc, errors) {
      let out = value;
      for (const m of members) {
        const before = errors.length;
        const next = m.convert(out, loc, errors);
        if (errors.length > before) return out;
        out = next;
      }
      return out;
    },
    exact: (value) => members.every((m) => m.exact(value)),
  };
}

function array(s: JsonSchemaObject, ctx: Context): LaxNode {
  const prefix = Array.isArray(s.prefixItems) ? (s.prefixItems as JsonSchema[]).map((p) => compile(p, ctx)) : null;
  const rest = s.items === undefined ? ANY : s.items === false ? null : compile(s.items as JsonSchema, ctx);
  const fixed = prefix === null ? 0 : prefix.length;
  // Tuple items past minItems are optional (zod's and valibot's optional elements).
  const required = Math.min(typeof s.minItems === "number" ? s.minItems : 0, fixed);
  const closed = prefix !== null && rest === null;
  const nodeAt = (i: number): LaxNode => (i < fixed ? (prefix as LaxNode[])[i] : (rest ?? ANY));
  return {
    convert(value, loc, errors) {
      if (!Array.isArray(value)) {
        errors.push(laxError(prefix === null ? "list_type" : "tuple_type", loc, value));
        return value;
      }
      // pydantic checks a fixed tuple's length before its items.
      if (closed && value.length > fixed) {
        errors.push(tupleTooLong(loc, value, fixed));
        return value;
      }
      const out = new Array<unknown>(value.length);
      for (let i = 0; i < value.length; i++) {
        loc.push(i);
        out[i] = nodeAt(i).convert(value[i], loc, errors);
        loc.pop();
      }
      for (let i = value.length; i < required; i++) {
        loc.push(i);
        errors.push(laxError("missing", loc, value));
        loc.pop();
      }
      return out;
    },
    exact(value) {
      if (!Array.isArray(value) || value.length < required || (closed && value.length > fixed)) return false;
      for (let i = 0; i < value.length; i++) if (!nodeAt(i).exact(value[i])) return false;
      return true;
    },
  };
}

// JSON keys are text: a JSON Schema says a dict's keys are ints with `propertyNames`, of type
// integer or with the pattern zod writes for z.record(z.int(), ...), or with `patternProperties`
// of the one pattern arktype writes for a record of string.integer keys.
const INT_KEY_PATTERNS: ReadonlySet<string> = new Set(["^-?\\d+$"]);
const ARKTYPE_INT_KEY = "^(?:(?!^-0$)-?(?:(?:0|[1-9]\\d*)))$";

function hasIntKeys(s: JsonSchemaObject, root: JsonSchema): boolean {
  const names = s.propertyNames === undefined ? undefined : deref(s.propertyNames as JsonSchema, root);
  if (!isSchemaObject(names)) return false;
  return names.type === "integer" || (names.type === "string" && typeof names.pattern === "string" && INT_KEY_PATTERNS.has(names.pattern));
}

/** The values' schema of a dict whose keys are ints by `patternProperties` (arktype's), else undefined. */
function intKeyedValues(s: JsonSchemaObject): JsonSchema | undefined {
  const patterns = s.patternProperties;
  if (!isPlainObject(patterns)) return undefined;
  const keys = Object.keys(patterns);
  return keys.length === 1 && keys[0] === ARKTYPE_INT_KEY ? (patterns[ARKTYPE_INT_KEY] as JsonSchema) : undefined;
}

/** A dict's int key as pydantic validates it ("007" is 7, " 1" is 1): its text, or the error type. */
function intKey(key: string): { key: string } | { error: string } {
  const n = strAsInt(key);
  return typeof n === "string" ? { error: n } : { key: String(n) };
}

const isCanonicalIntKey = (key: string): boolean => (intKey(key) as { key?: string }).key === key;

interface Field {
  readonly key: string;
  readonly node: LaxNode;
  readonly required: boolean;
}

/** A model (properties) or a dict (additionalProperties only): the copy has the properties first, in schema order. */
function object(s: JsonSchemaObject, ctx: Context): LaxNode {
  const properties = isPlainObject(s.properties) ? (s.properties as Record<string, JsonSchema>) : null;
  const required = new Set(Array.isArray(s.required) ? s.required.filter(isString) : []);
  // Every key of an int-keyed dict matches its pattern once converted: none is additional.
  const keyed = properties === null ? intKeyedValues(s) : undefined;
  const additional = keyed ?? s.additionalProperties;
  const extra = additional === undefined || additional === true ? ANY : additional === false ? null : compile(additional as JsonSchema, ctx);
  const fields: Field[] = Object.entries(properties ?? {}).map(([key, p]) => ({ key, node: compile(p, ctx), required: required.has(key) }));
  // A required key without a property (zod's record of an enum's keys) takes the values' schema.
  for (const key of required) if (properties === null || !Object.hasOwn(properties, key)) fields.push({ key, node: extra ?? ANY, required: true });
  const known = new Set(fields.map((f) => f.key));
  // pydantic's error for a non-dict: a model's (FastAPI validates with from_attributes=True) or a dict's.
  const typeError = properties === null ? "dict_type" : "model_attributes_type";
  const intKeys = properties === null && (keyed !== undefined || hasIntKeys(s, ctx.root));
  const present = (value: Record<string, unknown>, key: string): boolean => Object.hasOwn(value, key) && value[key] !== undefined;
  return {
    convert(value, loc, errors) {
      if (!isPlainObject(value)) {
        errors.push(laxError(typeError, loc, value));
        return value;
      }
      const out: Record<string, unknown> = {};
      for (const f of fields) {
        loc.push(f.key);
        if (present(value, f.key)) define(out, f.key, f.node.convert(value[f.key], loc, errors));
        else if (f.required) errors.push(laxError("missing", loc, value));
        loc.pop();
      }
      for (const key of Object.keys(value)) {
        if (known.has(key)) continue;
        loc.push(key);
        let outKey = key;
        if (intKeys) {
          // pydantic reports a bad key at [key, "[key]"], then validates its value all the same.
          const converted = intKey(key);
          if ("key" in converted) outKey = converted.key;
          else errors.push(laxError(converted.error, [...loc, "[key]"], key));
        }
        if (extra === null) errors.push(laxError("extra_forbidden", loc, value[key]));
        define(out, outKey, (extra ?? ANY).convert(value[key], loc, errors));
        loc.pop();
      }
      return out;
    },
    exact(value) {
      if (!isPlainObject(value)) return false;
      for (const f of fields) if (present(value, f.key) ? !f.node.exact(value[f.key]) : f.required) return false;
      for (const key of Object.keys(value)) {
        if (intKeys && !isCanonicalIntKey(key)) return false;
        if (!known.has(key) && (extra === null || !extra.exact(value[key]))) return false;
      }
      return true;
    },
  };
}

/** A $ref, compiled when first used (so recursive schemas compile). */
function ref(target: JsonSchema | undefined, ctx: Context): LaxNode {
  let node: LaxNode | undefined;
  const get = (): LaxNode => (node ??= target === undefined ? ANY : compile(target, ctx));
  return { convert: (value, loc, errors) => get().convert(value, loc, errors), exact: (value) => get().exact(value) };
}

const isNullSchema = (s: JsonSchema): boolean => isSchemaObject(s) && s.type === "null" && !("const" in s) && !("enum" in s);

/** Every member of a union, with null ones taken out as nullable (pydantic's Optional is not a union). */
function members(list: JsonSchema[], ctx: Context): LaxNode {
  const rest = list.filter((m) => !isNullSchema(deref(m, ctx.root)));
  const node = rest.length === 1 ? compile(rest[0], ctx) : union(rest.map((m) => compile(m, ctx)));
  return rest.length < list.length && rest.length > 0 ? nullable(node) : node;
}

function build(s: JsonSchemaObject, ctx: Context): LaxNode {
  if (typeof s.$ref === "string") return ref(resolveRef(s.$ref, ctx.root), ctx);
  if ("const" in s) return literal([s.const]);
  if (Array.isArray(s.enum)) return literal(s.enum);
  // An upload (zod's z.file()): no conversion of a File.
  if (s.format === "binary") return ANY;
  const choices = (s.anyOf ?? s.oneOf) as JsonSchema[] | undefined;
  if (Array.isArray(choices) && choices.length > 0) return members(choices, ctx);
  if (Array.isArray(s.allOf) && s.allOf.length > 0) return allOf((s.allOf as JsonSchema[]).map((m) => compile(m, ctx)));
  const types = typesOf(s);
  if (types === null || types.length === 0) return ANY;
  if (types.length > 1) return members(types.map((type) => ({ ...s, type })), ctx);
  switch (types[0]) {
    case "integer":
      return INTEGER;
    case "number":
      return NUMBER;
    case "boolean":
      return BOOLEAN;
    case "string":
      return STRING;
    case "null":
      return NULL;
    case "array":
      return array(s, ctx);
    case "object":
      return object(s, ctx);
    default:
      return ANY;
  }
}

function compile(schema: JsonSchema, ctx: Context): LaxNode {
  if (!isSchemaObject(schema)) return ANY;
  let node = ctx.cache.get(schema);
  if (node === undefined) {
    node = build(schema, ctx);
    ctx.cache.set(schema, node);
  }
  return node;
}

/** The compiled form of `schema`, whose `$ref`s point into `root`. */
export function compileLax(schema: JsonSchema, root: JsonSchema = schema): LaxNode {
  return compile(schema, { root, cache: new Map() });
}

/** The converter of `schema` (see Converter), whose `$ref`s point into `root`. */
export function compileConverter(schema: JsonSchema, root: JsonSchema = schema): Converter {
  return compileLax(schema, root).convert;
}
