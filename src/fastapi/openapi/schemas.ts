// The schema half of fastapi/_compat/v2.py (get_definitions, get_schema_from_model_field) and
// what pydantic's GenerateJsonSchema does for it: each field's JSON Schema, from its validator's
// Standard JSON Schema, with the named models lifted into components.schemas. The validators'
// schemas are brought toward pydantic's: no `$schema`, `anyOf` for nullable types, titles where
// pydantic writes them, no bounds that only say "a JS safe integer".
import type { ModelField } from "../_compat/model_field.js";
import { type JsonSchema, type JsonSchemaObject, isSchemaObject } from "../_compat/json_schema.js";
import type { StandardJSONSchemaV1, StandardSchemaV1 } from "../_compat/standard_schema.js";
import type { FieldOptions } from "../params.js";
import { pythonTitle } from "../utils.js";
import { REF_PREFIX } from "./constants.js";
import { pydanticSort, schemaKeywords } from "./models.js";

export { pydanticSort };

/** Request fields are documented as they are validated, response fields as they are serialized. */
export type Mode = "validation" | "serialization";

const titles = new Map<string, string>();

/** A field's title as FastAPI gives it: `item_id` -> "Item Id", `x-token` -> "X-Token". */
export function fieldTitle(alias: string): string {
  let title = titles.get(alias);
  if (title === undefined) {
    title = pythonTitle(alias).replaceAll("_", " ");
    // The names of an app's fields, a few hundred: kept for the next document.
    if (titles.size < 10_000) titles.set(alias, title);
  }
  return title;
}

/** A model property's title as pydantic gives it (get_title_from_name). */
function propertyTitle(key: string): string {
  return fieldTitle(key).trim();
}

// Until the document is written, a `$ref` to a model says in which mode it was made: the
// model's final name (`Item`, or `Item-Input` / `Item-Output`) is known only once every field is in.
const MARK = { validation: "\u0000v", serialization: "\u0000s" } as const;
/** A marked ref's `$ref` without its mark, and the mark ("v" or "s"); null for another string. */
function unmark(ref: string): [string, string] | null {
  const n = ref.length;
  if (n < 2 || ref.charCodeAt(n - 2) !== 0) return null;
  const mode = ref[n - 1];
  return mode === "v" || mode === "s" ? [ref.slice(0, n - 2), mode] : null;
}

const markedRef = (name: string, mode: Mode): string => REF_PREFIX + name + MARK[mode];

const TARGET: StandardJSONSchemaV1.Options = { target: "draft-2020-12" };
const MAX_SAFE = Number.MAX_SAFE_INTEGER;
// A component name OpenAPI accepts (pydantic's normalize_name keeps these characters).
const COMPONENT_NAME = /^[A-Za-z0-9.\-_]+$/;

// Keywords that apply to one JSON type: when `type: ["string", "null"]` becomes an anyOf, they go with their type.
const TYPE_KEYWORDS: Record<string, readonly string[]> = {
  string: ["minLength", "maxLength", "pattern", "format", "contentEncoding", "contentMediaType", "contentSchema"],
  number: ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"],
  array: ["items", "prefixItems", "minItems", "maxItems", "uniqueItems", "contains", "minContains", "maxContains", "unevaluatedItems"],
  object: ["properties", "required", "additionalProperties", "patternProperties", "propertyNames", "minProperties", "maxProperties", "dependentRequired", "dependentSchemas", "unevaluatedProperties"],
};
TYPE_KEYWORDS.integer = TYPE_KEYWORDS.number;
const TYPED = new Set(Object.values(TYPE_KEYWORDS).flat());

// Subschemas, by how they hold them.
const ONE = ["items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames", "unevaluatedItems", "unevaluatedProperties", "contentSchema"];
const MANY = ["allOf", "anyOf", "oneOf", "prefixItems"];
const MAP = ["properties", "patternProperties", "dependentSchemas"];
// One lookup per key (the document's build visits every key of every schema).
const SUBSCHEMAS = new Map<string, 1 | 2 | 3>([...ONE.map((k): [string, 1] => [k, 1]), ...MANY.map((k): [string, 2] => [k, 2]), ...MAP.map((k): [string, 3] => [k, 3])]);

function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

/** A model (a `$ref`), or `Model | None`: pydantic writes no field title on either. */
export function isRefish(s: JsonSchemaObject): boolean {
  if (typeof s.$ref === "string") return true;
  const members = s.anyOf;
  if (!Array.isArray(members) || members.length !== 2) return false;
  const [a, b] = members as unknown[];
  return (isRef(a) || isRef(b)) && (isNull(a) || isNull(b));
}

function isRef(m: unknown): boolean {
  return isSchemaObject(m) && typeof m.$ref === "string";
}

function isNull(m: unknown): boolean {
  return isSchemaObject(m) && m.type === "null" && Object.keys(m).length === 1;
}

/**
 * Whether two JSON values are the same whatever the order of keys. `ref` compares two `$ref`
 * strings (of two modes, when the two modes of a model are compared); plain equality otherwise.
 */
function sameJson(a: unknown, b: unknown, ref: (a: string, b: string) => boolean = sameString): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i], ref)) return false;
    return true;
  }
  if (!isSchemaObject(a) || !isSchemaObject(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (!Object.hasOwn(b, k)) return false;
    const x = a[k];
    const y = b[k];
    if (k === "$ref" && typeof x === "string" && typeof y === "string" ? !ref(x, y) : !sameJson(x, y, ref)) return false;
  }
  return true;
}

function sameString(a: string, b: string): boolean {
  return a === b;
}

interface Definition {
  readonly schema: JsonSchemaObject;
  readonly where: string;
}

/** A field's converted schemas, kept per validator schema: converting is the costly part. */
const conversions = new WeakMap<object, Partial<Record<"input" | "output", { schema: JsonSchemaObject; error: string | null }>>>();

// A schema with none of these keys refers to no model and names none: its normalisation depends on it alone.
const NAMING_KEYS = /"(?:\$ref|\$defs|definitions|\$id|id|title)":/;

/** The JSON text of a schema that names no model (a key to find it by), or null. */
function leafText(raw: JsonSchemaObject): string | null {
  let text: string;
  try {
    text = JSON.stringify(raw);
  } catch {
    // A BigInt, a cycle: no JSON.
    return null;
  }
  return NAMING_KEYS.test(text) ? null : text;
}

/** Whether two JSON-like values are the same, keys in the same order (JSON text cannot tell -0, undefined...). */
function identical(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    for (let i = 0; i < a.length; i++) if (!identical(a[i], other[i])) return false;
    return true;
  }
  const keys = Object.keys(a);
  const others = Object.keys(b);
  if (keys.length !== others.length) return false;
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] !== others[i] || !identical((a as JsonSchemaObject)[keys[i]], (b as JsonSchemaObject)[keys[i]])) return false;
  }
  return true;
}

/** Set by tests to see the warnings; console.warn otherwise. */
export const warnings: { warn: (message: string) => void } = { warn: (message) => console.warn(message) };

function convert(field: ModelField, io: "input" | "output"): { schema: JsonSchemaObject; error: string | null } {
  const key = field.schema as object;
  let cached = conversions.get(key);
  if (cached === undefined) conversions.set(key, (cached = {}));
  const done = cached[io];
  if (done !== undefined) return done;
  const converter = (field.schema as StandardSchemaV1)["~standard"].jsonSchema;
  let out: { schema: JsonSchemaObject; error: string | null };
  const made = io === "input" ? field.jsonSchema : null;
  if (made !== null && madeStrictly(field.vendor, made)) {
    // ModelField converted it already, and strictly: no need to do it again.
    out = { schema: made, error: null };
  } else if (converter === undefined) {
    out = { schema: {}, error: `its validator (${field.vendor}) gives no JSON Schema` };
  } else {
    try {
      out = { schema: converter[io](TARGET), error: null };
    } catch (err) {
      // ModelField's lenient conversion: {} for the parts that cannot be expressed.
      const lenient = io === "input" ? field.jsonSchema : field.outputJsonSchema;
      out = { schema: lenient ?? {}, error: err instanceof Error ? err.message : String(err) };
    }
  }
  cached[io] = out;
  return out;
}

/**
 * Whether ModelField's schema is the strict conversion (it falls back to a lenient one where the
 * strict one throws): always but for zod's and valibot's fallbacks. zod's writes `{}` for what it
 * cannot express: a schema without `{}` anywhere is the strict one. valibot's cannot be told apart.
 */
function madeStrictly(vendor: string, schema: JsonSchema): boolean {
  if (vendor === "valibot") return false;
  return vendor !== "zod" || !hasEmptySchema(schema);
}

function hasEmptySchema(schema: unknown): boolean {
  if (typeof schema !== "object" || schema === null) return false;
  if (Array.isArray(schema)) {
    for (let i = 0; i < schema.length; i++) if (hasEmptySchema(schema[i])) return true;
    return false;
  }
  const keys = Object.keys(schema);
  // `{}` itself, or `{ default: ... }` and the like: zod's unrepresentable parts keep their annotations.
  let annotationsOnly = true;
  for (let i = 0; i < keys.length && annotationsOnly; i++) if (!ANNOTATIONS.has(keys[i])) annotationsOnly = false;
  if (annotationsOnly) return true;
  for (let i = 0; i < keys.length; i++) {
    const value = (schema as JsonSchemaObject)[keys[i]];
    if (typeof value === "object" && value !== null && hasEmptySchema(value)) return true;
  }
  return false;
}

const EMPTY: JsonSchemaObject = Object.freeze({});
const ANNOTATIONS = new Set(["$schema", "default", "title", "description", "examples", "deprecated", "readOnly", "writeOnly", "$comment"]);

/**
 * The component registry of one document (FastAPI's get_definitions and model name map): every
 * field's schema goes through `schemaOf`, then `finish` names the models (`Item`, or `Item-Input`
 * and `Item-Output` where the two modes differ) and `write` gives the final JSON.
 */
export class SchemaRegistry {
  private readonly definitions: Record<Mode, Map<string, Definition>> = { validation: new Map(), serialization: new Map() };
  private split: Set<string> = new Set();
  // A field's schema made once per document, whatever the number of routes it is declared in.
  private readonly normalized = new Map<JsonSchemaObject, Partial<Record<Mode | "flat", JsonSchemaObject>>>();
  private readonly fixedDefinitions = new Map<string, JsonSchemaObject>();
  // Request schemas that name no model, by their JSON text: normalising one registers nothing.
  private readonly leaves = new Map<string, { raw: JsonSchemaObject; out: JsonSchemaObject }>();

  constructor(
    /** FastAPI's separate_input_output_schemas: false documents every field as it is validated. */
    readonly separateInputOutputSchemas = true,
  ) {}

  /** The mode a field's schema is made in. */
  mode(mode: Mode): Mode {
    return this.separateInputOutputSchemas ? mode : "validation";
  }

  /**
   * A field's schema: `$ref` to its model, or the schema inline with its title (FastAPI's
   * get_schema_from_model_field) and the declaration's own keywords (description, examples...).
   */
  schemaOf(field: ModelField, wanted: Mode, where: string, title: string | (() => string) | null, options: FieldOptions | null = null): JsonSchemaObject {
    const schema = this.normalizedRoot(field, this.mode(wanted), where);
    const withOptions = options === null ? schema : withFieldOptions(schema, options);
    if (title === null || typeof withOptions.$ref === "string" || typeof withOptions.title === "string") return withOptions;
    // A title made only when written (a response's is made of the route's unique id).
    return { ...withOptions, title: typeof title === "string" ? title : title() };
  }

  /**
   * The properties of an object field read from the request as separate params (FastAPI's
   * param models), without the model itself becoming a component.
   */
  propertiesOf(field: ModelField, where: string): { properties: Record<string, JsonSchemaObject>; required: Set<string> } {
    const root = this.normalizedRoot(field, "validation", where, true);
    const properties: Record<string, JsonSchemaObject> = {};
    const given = isSchemaObject(root.properties) ? root.properties : {};
    for (const [key, value] of Object.entries(given)) properties[key] = isSchemaObject(value) ? value : {};
    return { properties, required: new Set(Array.isArray(root.required) ? (root.required as string[]) : []) };
  }

  /** A component the layer writes itself (FastAPI's ValidationError), unless a model already has its name. */
  fixed(name: string, schema: JsonSchemaObject): void {
    this.fixedDefinitions.set(name, schema);
  }

  /** Register a model made here (FastAPI's `Body_<unique_id>`) and give its `$ref`. */
  model(name: string, schema: JsonSchemaObject, mode: Mode, where: string): JsonSchemaObject {
    const m = this.mode(mode);
    this.register(name, { ...schema, title: name }, m, where);
    return { $ref: markedRef(name, m) };
  }

  /** @internal A model under its name, in one mode; the same name twice must be the same schema. */
  register(name: string, schema: JsonSchemaObject, mode: Mode, where: string): void {
    const known = this.definitions[mode];
    const before = known.get(name);
    if (before === undefined) known.set(name, { schema, where });
    else if (!sameJson(before.schema, schema)) {
      throw new Error(
        `Two different schemas are named "${name}": one from ${before.where}, another from ${where}. ` +
          `Give one of them another name (zod: .meta({ id: "..." })).`,
      );
    }
  }

  private normalizedRoot(field: ModelField, mode: Mode, where: string, flatten = false): JsonSchemaObject {
    const io = mode === "validation" ? "input" : "output";
    const { schema: raw, error } = convert(field, io);
    if (error !== null) warnings.warn(`OpenAPI: ${where}: ${error}; the document leaves out what cannot be expressed`);
    let memo = this.normalized.get(raw);
    if (memo === undefined) this.normalized.set(raw, (memo = {}));
    const key = flatten ? "flat" : mode;
    const done = memo[key];
    if (done !== undefined) return done;
    if (mode === "validation" && !flatten) {
      // The same schema declared anew in each route (a path param's int...): normalised once.
      const text = leafText(raw);
      if (text !== null) {
        const same = this.leaves.get(text);
        if (same !== undefined && identical(same.raw, raw)) return (memo[key] = same.out);
        const out = new Normalizer(this, mode, where, raw, null, field.name).root(false);
        this.leaves.set(text, { raw, out });
        return (memo[key] = out);
      }
    }
    const twin = mode === "serialization" ? convert(field, "input").schema : null;
    return (memo[key] = new Normalizer(this, mode, where, raw, twin, field.name).root(flatten));
  }

  /**
   * Name the models: one used in both modes keeps its name when its two schemas agree (refs
   * included), and becomes `Name-Input` / `Name-Output` when they differ, as pydantic names them.
   * As pydantic, a model is kept apart until shown the same: one that refers to itself stays apart.
   */
  finish(): void {
    const { validation, serialization } = this.definitions;
    const split = new Set([...validation.keys()].filter((name) => serialization.has(name)));
    // Refs to a model compare equal when that model is one in both modes.
    const sameRef = (a: string, b: string): boolean => {
      const x = unmark(a);
      const y = unmark(b);
      if (x === null || y === null) return a === b;
      return x[0] === y[0] && !split.has(x[0].slice(REF_PREFIX.length));
    };
    for (let changed = true; changed; ) {
      changed = false;
      for (const name of split) {
        if (sameJson((validation.get(name) as Definition).schema, (serialization.get(name) as Definition).schema, sameRef)) {
          split.delete(name);
          changed = true;
        }
      }
    }
    this.split = split;
  }

  /**
   * The components.schemas entries, sorted by name as FastAPI writes them, each model's schema
   * sorted as pydantic sorts its definitions; given `sorts`, the schemas are left as they are and
   * recorded there with the key to sort them by (dumpOpenapi sorts them as it dumps them).
   */
  components(sorts?: Map<object, string>): Record<string, JsonSchemaObject> {
    const schemas = new Map<string, JsonSchemaObject>();
    for (const mode of ["validation", "serialization"] as const) {
      for (const [name, def] of this.definitions[mode]) {
        const key = this.split.has(name) ? `${name}-${mode === "validation" ? "Input" : "Output"}` : mode === "validation" || !this.definitions.validation.has(name) ? name : null;
        if (key === null) continue;
        if (sorts === undefined) schemas.set(key, pydanticSort(def.schema, key) as JsonSchemaObject);
        else {
          schemas.set(key, def.schema);
          sorts.set(def.schema, key);
        }
      }
    }
    for (const [name, schema] of this.fixedDefinitions) if (!schemas.has(name)) schemas.set(name, schema);
    // Python's sorted(): by code point. No two names are equal.
    const out: Record<string, JsonSchemaObject> = {};
    for (const name of [...schemas.keys()].sort()) setKey(out, name, schemas.get(name));
    return out;
  }

  /** A `$ref` made here, as the document writes it; any other string as it is. */
  ref(ref: string): string {
    const m = unmark(ref);
    if (m === null) return ref;
    const name = m[0].slice(REF_PREFIX.length);
    return this.split.has(name) ? `${REF_PREFIX}${name}-${m[1] === "v" ? "Input" : "Output"}` : REF_PREFIX + name;
  }
}

// A model (an object schema with properties) or an enum that names itself with its title, as
// valibot's v.title() and arktype's configure({ title }) write it: a component, as pydantic's models and enums are.
const isNamedByTitle = (s: JsonSchemaObject): boolean =>
  typeof s.title === "string" && COMPONENT_NAME.test(s.title) && ((isSchemaObject(s.properties) && (s.type === "object" || s.type === undefined)) || Array.isArray(s.enum));

/** One raw schema brought toward pydantic's, its models registered. */
class Normalizer {
  private readonly rawDefs: Record<string, JsonSchema>;
  private readonly twinDefs: Record<string, JsonSchema>;
  private readonly done = new Set<string>();
  private rootName: string | null = null;

  constructor(
    private readonly registry: SchemaRegistry,
    private readonly mode: Mode,
    private readonly where: string,
    private readonly raw: JsonSchemaObject,
    private readonly twin: JsonSchemaObject | null,
    private readonly fieldName: string | undefined,
  ) {
    this.rawDefs = { ...(isSchemaObject(raw.definitions) ? raw.definitions : {}), ...(isSchemaObject(raw.$defs) ? raw.$defs : {}) } as Record<string, JsonSchema>;
    const t = twin ?? {};
    this.twinDefs = { ...(isSchemaObject(t.definitions) ? t.definitions : {}), ...(isSchemaObject(t.$defs) ? t.$defs : {}) } as Record<string, JsonSchema>;
  }

  /** The field's schema; `flatten`: a root that refers to its own model is that model, not registered. */
  root(flatten: boolean): JsonSchemaObject {
    const { $schema: _, $defs: __, definitions: ___, ...rest } = this.raw;
    if (flatten) {
      // The fields of a model of params are params: the model itself is no component (FastAPI's
      // flattening). A root that refers to its own model is that model. (Only requests are flattened: no twin.)
      const { $ref: ref, ...siblings } = rest;
      const name = typeof ref === "string" ? defName(ref) : null;
      const target = name === null ? undefined : this.rawDefs[name];
      return this.body(withoutId(isSchemaObject(target) ? { ...target, ...siblings } : rest), undefined);
    }
    const out = this.node(rest, this.twin ?? undefined) as JsonSchemaObject;
    // A recursive root refers to itself: it is a model, and the field refers to it.
    return this.rootName === null ? out : { $ref: markedRef(this.rootName, this.mode) };
  }

  private node(schema: JsonSchema, twin: JsonSchema | undefined): JsonSchema {
    if (!isSchemaObject(schema)) return schema;
    const ref = schema.$ref;
    if (typeof ref === "string") return this.reference(schema, ref);
    const id = idOf(schema);
    if (id !== null) {
      this.registerOnce(id, schema, twin);
      return { $ref: markedRef(id, this.mode) };
    }
    const body = this.body(schema, twin);
    if (!isNamedByTitle(body)) return body;
    const name = body.title as string;
    this.registerNormalized(name, body);
    return { $ref: markedRef(name, this.mode) };
  }

  /** A model's schema (its `$id` / `id` left out) registered under its name, once. */
  private registerOnce(name: string, schema: JsonSchemaObject, twin: JsonSchema | undefined): void {
    if (this.done.has(name)) return;
    this.done.add(name);
    this.registerNormalized(name, this.body(schema, twin, true));
  }

  /** `body`, made here for the model alone, registered with its title and description as pydantic writes them. */
  private registerNormalized(name: string, body: JsonSchemaObject): void {
    body.title = typeof body.title === "string" ? body.title : name;
    // FastAPI keeps a model's description up to a form feed.
    if (typeof body.description === "string") body.description = body.description.split("\f")[0];
    this.registry.register(name, body, this.mode, this.where);
  }

  private reference(schema: JsonSchemaObject, ref: string): JsonSchemaObject {
    const { $ref: _, ...siblings } = schema;
    let name: string;
    if (ref === "#") {
      // A recursive schema without a name: named after its title or the field.
      const raw = this.raw;
      name = this.rootName ??= idOf(raw) ?? (typeof raw.title === "string" ? raw.title : (this.fieldName ?? "Model"));
      // (body() leaves out $schema and $defs.)
      this.registerOnce(name, raw, this.twin ?? undefined);
    } else {
      const target = defName(ref);
      if (target === null || !Object.hasOwn(this.rawDefs, target)) return { ...siblings, $ref: ref };
      const def = this.rawDefs[target];
      const body = isSchemaObject(def) ? def : {};
      name = idOf(body) ?? target;
      this.registerOnce(name, body, this.twinDefs[target]);
    }
    const $ref = markedRef(name, this.mode);
    // Most refs stand alone.
    return Object.keys(siblings).length === 0 ? { $ref } : { $ref, ...this.body(siblings, undefined) };
  }

  /** The schema's own keywords and its subschemas, normalised; `withoutId`: but `$id` and `id`. */
  private body(schema: JsonSchemaObject, twin: JsonSchema | undefined, withoutId = false): JsonSchemaObject {
    const t = isSchemaObject(twin) ? twin : EMPTY;
    const out: JsonSchemaObject = {};
    const keys = Object.keys(schema);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (key === "$schema" || key === "$defs" || key === "definitions" || (withoutId && (key === "$id" || key === "id"))) continue;
      const value = schema[key];
      const kind = SUBSCHEMAS.get(key);
      if (kind === 1) out[key] = this.node(value as JsonSchema, t[key] as JsonSchema | undefined);
      else if (kind === 2 && Array.isArray(value)) {
        const twins = Array.isArray(t[key]) ? (t[key] as JsonSchema[]) : [];
        const list: JsonSchema[] = new Array(value.length);
        for (let j = 0; j < value.length; j++) list[j] = this.node(value[j] as JsonSchema, twins[j]);
        out[key] = list;
      } else if (kind === 3 && isSchemaObject(value)) {
        const twins = isSchemaObject(t[key]) ? t[key] : EMPTY;
        const map: JsonSchemaObject = {};
        const names = Object.keys(value);
        for (let j = 0; j < names.length; j++) map[names[j]] = this.node(value[names[j]] as JsonSchema, twins[names[j]] as JsonSchema | undefined);
        out[key] = map;
      } else out[key] = value;
    }
    return this.pydantic(out, t);
  }

  /** What pydantic writes where the validators write it another way. */
  private pydantic(s: JsonSchemaObject, twin: JsonSchemaObject): JsonSchemaObject {
    // zod's int is a JS safe integer: bounds pydantic's int has not.
    if (s.minimum === -MAX_SAFE) delete s.minimum;
    if (s.maximum === MAX_SAFE) delete s.maximum;
    // A dict with str keys (or zod's int keys, digits in a string): pydantic says nothing of its keys.
    if (isSchemaObject(s.propertyNames) && isPlainKeys(s.propertyNames)) delete s.propertyNames;
    if (Array.isArray(s.prefixItems) && s.items === false) delete s.items;
    // A Literal of ints: pydantic's type is integer, zod's number.
    if (s.type === "number" && (Array.isArray(s.enum) ? s.enum.length > 0 && s.enum.every(Number.isInteger) : "const" in s && Number.isInteger(s.const))) s.type = "integer";
    // A list of anything: pydantic says so with `items: {}`.
    if (s.type === "array" && !("items" in s) && !("prefixItems" in s)) s.items = {};
    // pydantic's extra="allow".
    if (isSchemaObject(s.additionalProperties) && Object.keys(s.additionalProperties).length === 0) s.additionalProperties = true;
    if (this.mode === "serialization") {
      // zod's output side closes every object; pydantic does for extra="forbid" alone.
      if (s.additionalProperties === false && twin.additionalProperties !== false) delete s.additionalProperties;
      // pydantic's serialization schema requires what validation does: not the fields with a default.
      if (Array.isArray(s.required) && isSchemaObject(s.properties)) {
        const properties = s.properties;
        const twinProperties = isSchemaObject(twin.properties) ? twin.properties : {};
        const twinRequired = Array.isArray(twin.required) ? twin.required : [];
        const required: string[] = [];
        for (const k of s.required as string[]) {
          if (Object.hasOwn(twinProperties, k) ? twinRequired.includes(k) : !(isSchemaObject(properties[k]) && "default" in properties[k])) required.push(k);
        }
        if (required.length > 0) s.required = required;
        else delete s.required;
      }
    }
    if (Array.isArray(s.required)) {
      // pydantic lists the required fields in the order of the properties, and writes no empty list.
      const required = s.required as string[];
      const order = isSchemaObject(s.properties) ? Object.keys(s.properties) : [];
      const sorted: string[] = [];
      for (let i = 0; i < order.length; i++) {
        const k = order[i];
        if (required.includes(k)) sorted.push(k);
      }
      for (let i = 0; i < required.length; i++) {
        const k = required[i];
        if (!order.includes(k)) sorted.push(k);
      }
      if (sorted.length > 0) s.required = sorted;
      else delete s.required;
    }
    if (isSchemaObject(s.properties)) {
      const properties = s.properties;
      const keys = Object.keys(properties);
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        const p = properties[key];
        if (isSchemaObject(p) && p.title === undefined && !isRefish(p)) properties[key] = { ...p, title: propertyTitle(key) };
      }
    }
    return generationOrder(Array.isArray(s.type) ? splitTypes(s) : constsAsEnum(s));
  }
}

/**
 * A union of constants (arktype's literals, valibot's picklist of literals) as pydantic writes a
 * Literal or an Enum: `enum`, with the annotations every member repeats.
 */
function constsAsEnum(s: JsonSchemaObject): JsonSchemaObject {
  const key = Array.isArray(s.anyOf) ? "anyOf" : Array.isArray(s.oneOf) ? "oneOf" : null;
  if (key === null) return typedEnum(s);
  const members = s[key] as JsonSchema[];
  if (members.length < 2) return s;
  for (let i = 0; i < members.length; i++) {
    const m = members[i];
    if (!isSchemaObject(m) || !("const" in m)) return s;
  }
  const { [key]: _, ...rest } = s;
  const out: JsonSchemaObject = { ...rest, enum: (members as JsonSchemaObject[]).map((m) => m.const) };
  // The annotations all members share (arktype writes the union's title on each of them).
  for (const [k, v] of Object.entries(members[0] as JsonSchemaObject)) {
    if (k === "const" || k === "type" || k in out) continue;
    if ((members as JsonSchemaObject[]).every((m) => sameJson(m[k], v))) out[k] = v;
  }
  return typedEnum(out);
}

/** An enum of one JSON type says so, as pydantic's do: ints are integer, with floats number. */
function typedEnum(s: JsonSchemaObject): JsonSchemaObject {
  if ("type" in s || !Array.isArray(s.enum) || s.enum.length === 0) return s;
  const types = new Set(s.enum.map(jsonType));
  if (types.has("integer") && types.has("number")) types.delete("integer");
  const [type] = types;
  return types.size === 1 && ["string", "integer", "number", "boolean"].includes(type) ? { ...s, type } : s;
}

/** The name a schema gives itself with `$id` / `id`. */
function idOf(schema: JsonSchemaObject): string | null {
  const id = schema.$id ?? schema.id;
  return typeof id === "string" && COMPONENT_NAME.test(id) ? id : null;
}

function withoutId(schema: JsonSchemaObject): JsonSchemaObject {
  const { $id: _, id: __, ...rest } = schema;
  return rest;
}

function defName(ref: string): string | null {
  const m = /^#\/(?:\$defs|definitions)\/(.+)$/.exec(ref);
  if (m === null) return null;
  const name = m[1];
  // Most names have nothing to decode.
  return name.includes("%") || name.includes("~") ? decodeURIComponent(name).replaceAll("~1", "/").replaceAll("~0", "~") : name;
}

function isPlainKeys(names: JsonSchemaObject): boolean {
  const keys = Object.keys(names);
  if (names.type !== "string") return false;
  return keys.length === 1 || (keys.length === 2 && names.pattern === "^-?\\d+$");
}

/** `type: ["string", "null"]` as pydantic writes it: an anyOf, each type with its own keywords. */
function splitTypes(s: JsonSchemaObject): JsonSchemaObject {
  const types = s.type as unknown[];
  if (types.length === 1) return { ...s, type: types[0] };
  if ("anyOf" in s) return s;
  const outer: JsonSchemaObject = {};
  for (const [key, value] of Object.entries(s)) if (key !== "type" && key !== "enum" && key !== "const" && !TYPED.has(key)) outer[key] = value;
  const members = types.map((t) => {
    const member: JsonSchemaObject = { type: t };
    for (const key of TYPE_KEYWORDS[t as string] ?? []) if (key in s) member[key] = s[key];
    if (t !== "null" && Array.isArray(s.enum)) member.enum = s.enum.filter((v) => jsonType(v) === t || (t === "number" && typeof v === "number"));
    if (t !== "null" && "const" in s && jsonType(s.const) === t) member.const = s.const;
    return generationOrder(member);
  });
  return { anyOf: members, ...outer };
}

const NUMERIC: Array<[keyof FieldOptions, string]> = [
  ["gt", "exclusiveMinimum"],
  ["ge", "minimum"],
  ["lt", "exclusiveMaximum"],
  ["le", "maximum"],
  ["multipleOf", "multipleOf"],
];

/** A declaration's keyword constraints (`Query(ge=1, max_length=5)`) on the schema of the type they constrain. */
function withConstraints(schema: JsonSchemaObject, o: FieldOptions): JsonSchemaObject {
  const given = NUMERIC.some(([k]) => o[k] !== undefined) || o.minLength !== undefined || o.maxLength !== undefined || o.pattern !== undefined;
  if (!given) return schema;
  const constrain = (member: JsonSchemaObject): JsonSchemaObject => {
    if (member.type === "null" || typeof member.$ref === "string") return member;
    const out = { ...member };
    const isArray = member.type === "array";
    for (const [option, keyword] of NUMERIC) if (o[option] !== undefined && member.type !== "string" && !isArray) out[keyword] = o[option];
    if (o.minLength !== undefined) out[isArray ? "minItems" : "minLength"] = o.minLength;
    if (o.maxLength !== undefined) out[isArray ? "maxItems" : "maxLength"] = o.maxLength;
    if (o.pattern !== undefined && !isArray) out.pattern = o.pattern;
    return out;
  };
  if (Array.isArray(schema.anyOf)) return { ...schema, anyOf: schema.anyOf.map((m) => (isSchemaObject(m) ? constrain(m) : m)) };
  return constrain(schema);
}

/** What a declaration adds to its field's schema: constraints, title, description, examples, deprecated, extra keywords. */
export function withFieldOptions(schema: JsonSchemaObject, o: FieldOptions): JsonSchemaObject {
  const out = withConstraints(schema, o);
  const extra: JsonSchemaObject = {};
  if (o.title !== undefined) extra.title = o.title;
  if (o.description !== undefined) extra.description = o.description;
  if (o.examples !== undefined) extra.examples = o.examples;
  if (o.deprecated) extra.deprecated = true;
  if (Object.keys(extra).length === 0 && o.jsonSchemaExtra === undefined && out === schema) return schema;
  return generationOrder(Object.keys(extra).length === 0 ? out : { ...out, ...extra }, o.jsonSchemaExtra);
}

// ---------------------------------------------------------------- the order of keys

// pydantic's GenerateJsonSchema writes a schema's keywords in the order its methods add them: the
// type's own (str_schema: type, then min_length, max_length, pattern; a Literal: enum before
// type...), then a field's title, description, deprecated and examples (FieldInfo's
// pydantic_js_updates), then json_schema_extra, then the default (the with-default schema wraps
// the field's). FastAPI keeps that order for the schemas written inline in the paths; the ones in
// components.schemas are sorted (see pydanticSort) before the models order them again.
const TYPE_ORDER: Record<string, readonly string[]> = {
  string: ["format", "minLength", "maxLength", "pattern", "contentEncoding", "contentMediaType", "contentSchema"],
  number: ["multipleOf", "maximum", "minimum", "exclusiveMaximum", "exclusiveMinimum"],
  array: ["uniqueItems", "prefixItems", "items", "minItems", "maxItems"],
  object: ["properties", "required", "additionalProperties", "patternProperties", "propertyNames", "minProperties", "maxProperties"],
};
TYPE_ORDER.integer = TYPE_ORDER.number;
// Each key's rank, by type: $ref and the unions, a Literal's const/enum, type, the type's own
// keywords; then (by their place in the schema) other JSON Schema keywords (100+), the field's
// annotations (200+), other keys (300+: json_schema_extra), the default (last).
const VOCABULARY = 100;
const OTHER = 300;
const RANKS: Record<string, ReadonlyMap<string, number>> = {};
for (const type of ["", ...Object.keys(TYPE_ORDER)]) {
  const keys = ["$ref", "anyOf", "oneOf", "allOf", "const", "enum", "type", ...(TYPE_ORDER[type] ?? [])];
  RANKS[type] = new Map([...keys.map((k, i): [string, number] => [k, i]), ["title", 200], ["description", 201], ["deprecated", 202], ["examples", 203], ["default", 1000]]);
}

function rankOf(ranks: ReadonlyMap<string, number>, keys: string[], i: number): number {
  const key = keys[i];
  return ranks.get(key) ?? (schemaKeywords.has(key) ? VOCABULARY : OTHER) + i / keys.length;
}

/**
 * A schema's keys in the order pydantic generates them; `extra` (json_schema_extra) is set over
 * it before the default. Keys of the JSON Schema vocabulary pydantic has no place for come
 * after the type's own, other keys after the annotations.
 */
export function generationOrder(s: JsonSchemaObject, extra?: JsonSchemaObject): JsonSchemaObject {
  const keys = Object.keys(s);
  const ranks = RANKS[typeof s.type === "string" && Object.hasOwn(TYPE_ORDER, s.type) ? s.type : ""];
  if (extra === undefined) {
    // Most schemas are in order already: they are kept as they are.
    let previous = -1;
    let i = 0;
    for (; i < keys.length; i++) {
      const rank = rankOf(ranks, keys, i);
      if (rank < previous) break;
      previous = rank;
    }
    if (i === keys.length) return s;
  }
  // By rank (no two are equal), by insertion: a schema has a few keys.
  const ranked: Array<[string, number]> = [];
  for (let i = 0; i < keys.length; i++) {
    const entry: [string, number] = [keys[i], rankOf(ranks, keys, i)];
    let j = ranked.length;
    while (j > 0 && ranked[j - 1][1] > entry[1]) j--;
    ranked.splice(j, 0, entry);
  }
  const out: JsonSchemaObject = {};
  for (const [key] of ranked) if (key !== "default") setKey(out, key, s[key]);
  if (extra !== undefined) for (const [key, value] of Object.entries(extra)) setKey(out, key, value);
  if (Object.hasOwn(s, "default")) out.default = s.default;
  return out;
}

/** out[key] = value, for a key named __proto__ too (a key like another in JSON). */
function setKey(out: JsonSchemaObject, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}
