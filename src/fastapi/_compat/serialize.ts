// What pydantic's serializer does for a response model: only the model's fields, in the
// model's order, with FastAPI's response_model_include/exclude/exclude_unset/... applied.
import type { ModelField } from "./model_field.js";
import { deref, type JsonSchema } from "./json_schema.js";

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
  const s = schema === undefined ? undefined : deref(schema, walk.root);
  if (Array.isArray(value)) {
    const items = s !== undefined && typeof s === "object" ? (s.items as JsonSchema | undefined) : undefined;
    return value.map((item, i) => dump(walk, items, item, Array.isArray(original) ? original[i] : undefined, false));
  }
  if (!isObject(value) || s === undefined || typeof s !== "object") return value;
  const variants = (s.anyOf ?? s.oneOf) as JsonSchema[] | undefined;
  if (variants) {
    // A union: the first object member that declares properties the value has.
    const member = variants.map((v) => deref(v, walk.root)).find((v) => typeof v === "object" && isObject(v.properties));
    return member === undefined ? value : dump(walk, member, value, original, top);
  }
  const properties = s.properties as Record<string, JsonSchema> | undefined;
  if (properties === undefined) return value;
  const { options } = walk;
  const out: Record<string, unknown> = {};
  const additional = s.additionalProperties;
  const keys = [...Object.keys(properties), ...(additional !== undefined && additional !== false ? Object.keys(value).filter((k) => !Object.hasOwn(properties, k)) : [])];
  for (const key of keys) {
    if (!Object.hasOwn(value, key)) continue;
    if (top && options.include && !options.include.has(key)) continue;
    if (top && options.exclude?.has(key)) continue;
    const item = value[key];
    if (options.excludeNone && item === null) continue;
    if (options.excludeUnset && !(isObject(original) && Object.hasOwn(original, key))) continue;
    const property = properties[key] as JsonSchema | undefined;
    if (options.excludeDefaults && property !== undefined && typeof property === "object" && "default" in property && deepEqual(item, property.default)) continue;
    define(out, key, dump(walk, property ?? (typeof additional === "object" && additional !== null ? (additional as JsonSchema) : undefined), item, isObject(original) ? original[key] : undefined, false));
  }
  return out;
}

/** The validated `value` as the response: the model's fields only, the options applied. */
export function dumpModel(field: ModelField, value: unknown, original: unknown, options: DumpOptions): unknown {
  const schema = field.outputJsonSchema;
  if (schema === null) return value;
  return dump({ root: schema, options }, schema, value, original, true);
}
