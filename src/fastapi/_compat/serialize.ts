// What pydantic's serializer does for a response model: only the model's fields, in the
// model's order, with FastAPI's response_model_include/exclude/exclude_unset/... applied.
import { inputOf, withoutUnset } from "./fields_set.js";
import { deref, isSchemaObject, type JsonSchema, type JsonSchemaObject } from "./json_schema.js";
import { pydanticDatetime } from "../encoders.js";
import type { ModelField } from "./model_field.js";

/** FastAPI's response_model_* options. */
export interface DumpOptions {
  /** Only these top-level keys. */
  include?: ReadonlySet<string> | null;
  /** Not these top-level keys. */
  exclude?: ReadonlySet<string> | null;
  /** Leave out what the returned value did not set (defaults filled in by the model). @default false */
  excludeUnset?: boolean;
  /** Leave out values equal to the field's default. @default false */
  excludeDefaults?: boolean;
  /** Leave out null values. @default false */
  excludeNone?: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

function define(out: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
}

interface Walk {
  readonly root: JsonSchema;
  readonly options: DumpOptions;
}

function dump(walk: Walk, schema: JsonSchema | undefined, value: unknown, original: unknown, top: boolean): unknown {
  // A model's datetime dumps as pydantic writes it ("...Z"), not as jsonable_encoder's isoformat.
  if (value instanceof Date) return pydanticDatetime(value);
  let s = schema === undefined ? undefined : deref(schema, walk.root);
  if (isSchemaObject(s) && (s.anyOf ?? s.oneOf) !== undefined) s = unionMember(walk.root, s, value);
  if (Array.isArray(value)) {
    const items = isSchemaObject(s) ? (s.items as JsonSchema | undefined) : undefined;
    return value.map((item, i) => dump(walk, items, item, Array.isArray(original) ? original[i] : undefined, false));
  }
  if (!isObject(value)) return value;
  const { options } = walk;
  // A value validated on its way in (the request body returned) set only what its input had.
  if (options.excludeUnset) original = inputOf(original) ?? original;
  const properties = isSchemaObject(s) && isObject(s.properties) ? (s.properties as Record<string, JsonSchema>) : undefined;
  const additional = isSchemaObject(s) ? s.additionalProperties : undefined;
  // Neither a model nor a dict of values with a schema: the validator's value, as it is.
  if (properties === undefined && !isSchemaObject(additional)) return options.excludeUnset ? withoutUnset(value, original) : value;
  const declared = properties ?? {};
  const out: Record<string, unknown> = {};
  const keys = [...Object.keys(declared), ...(additional !== undefined && additional !== false ? Object.keys(value).filter((k) => !Object.hasOwn(declared, k)) : [])];
  for (const key of keys) {
    if (!Object.hasOwn(value, key)) continue;
    if (top && options.include && !options.include.has(key)) continue;
    if (top && options.exclude?.has(key)) continue;
    const item = value[key];
    if (options.excludeNone && item === null) continue;
    // Unset: absent from what the handler gave; when that was no object, nothing tells.
    if (options.excludeUnset && isObject(original) && !Object.hasOwn(original, key)) continue;
    const property = Object.hasOwn(declared, key) ? declared[key] : isSchemaObject(additional) ? additional : undefined;
    if (options.excludeDefaults && isSchemaObject(property) && "default" in property && deepEqual(item, property.default)) continue;
    define(out, key, dump(walk, property, item, isObject(original) ? original[key] : undefined, false));
  }
  return out;
}

/** A union's members, nested unions and refs flattened, in order. */
function unionMembers(root: JsonSchema, s: JsonSchema, out: JsonSchemaObject[] = []): JsonSchemaObject[] {
  const d = deref(s, root);
  if (!isSchemaObject(d)) return out;
  const variants = (d.anyOf ?? d.oneOf) as JsonSchema[] | undefined;
  if (variants === undefined) out.push(d);
  else for (const v of variants) unionMembers(root, v, out);
  return out;
}

/**
 * The member of a union the validated value came from: the first array member for an array;
 * for an object, the first model that declares every key it has and whose required keys it
 * has (a dict member takes any key). undefined when none fits: the value is kept as it is.
 */
function unionMember(root: JsonSchema, s: JsonSchemaObject, value: unknown): JsonSchemaObject | undefined {
  const members = unionMembers(root, s);
  if (Array.isArray(value)) return members.find((m) => m.type === "array" || "items" in m);
  if (!isObject(value)) return undefined;
  return members.find((m) => {
    if (!isObject(m.properties) && !isSchemaObject(m.additionalProperties)) return false;
    const properties = isObject(m.properties) ? m.properties : {};
    const open = m.additionalProperties !== undefined && m.additionalProperties !== false;
    const required = Array.isArray(m.required) ? (m.required as string[]) : [];
    return Object.keys(value).every((k) => open || Object.hasOwn(properties, k)) && required.every((k) => Object.hasOwn(value, k));
  });
}

/** The validated `value` as the response: the model's fields only, the options applied. */
export function dumpModel(field: ModelField, value: unknown, original: unknown, options: DumpOptions): unknown {
  const schema = field.outputJsonSchema;
  if (schema === null) return value;
  return dump({ root: schema, options }, schema, value, original, true);
}
