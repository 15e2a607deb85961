// No pydantic counterpart (pydantic reads its own core schema): reading the Standard JSON Schema
// of zod 4, valibot's to-json-schema and arktype 2 for what FastAPI needs ($ref, nullable, shapes).

/** A JSON Schema: an object, or `true` / `false` (anything / nothing). */
export type JsonSchema = boolean | { [keyword: string]: unknown };
/** An object schema, the only kind that has keywords. */
export type JsonSchemaObject = { [keyword: string]: unknown };

/** What a value of the schema is, for the caller that reads it from a request. */
export type Shape = "scalar" | "array" | "object" | "unknown";

const SCALAR_TYPES = new Set(["string", "number", "integer", "boolean", "null"]);
// A ref chain longer than this is a cycle of bare refs ({"$ref": "#/$defs/A"} -> A = {"$ref": ...}).
const MAX_REF_HOPS = 64;

export const isSchemaObject = (s: unknown): s is JsonSchemaObject => typeof s === "object" && s !== null && !Array.isArray(s);

/** The schema a `$ref` points to inside `root` (`#`, `#/$defs/X`, `#/definitions/X`...); undefined if none. */
export function resolveRef(ref: string, root: JsonSchema): JsonSchema | undefined {
  if (ref === "#") return root;
  if (!ref.startsWith("#/")) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(2).split("/")) {
    const token = decodeURIComponent(raw).replaceAll("~1", "/").replaceAll("~0", "~");
    if (!isSchemaObject(node) && !Array.isArray(node)) return undefined;
    if (!Object.hasOwn(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return typeof node === "boolean" || isSchemaObject(node) ? node : undefined;
}

/** `schema` with its `$ref`s followed (a ref that leads nowhere is `true`: anything). */
export function deref(schema: JsonSchema, root: JsonSchema): JsonSchema {
  let s = schema;
  for (let hops = 0; isSchemaObject(s) && typeof s.$ref === "string"; hops++) {
    if (hops === MAX_REF_HOPS) return true;
    s = resolveRef(s.$ref, root) ?? true;
  }
  return s;
}

const isNullSchema = (s: JsonSchema): boolean => isSchemaObject(s) && s.type === "null" && !("const" in s) && !("enum" in s);

/**
 * The schema without its nullable wrapping: `type: ["number", "null"]` gives `type: "number"`,
 * `anyOf: [X, {type: "null"}]` gives X (or `anyOf` of the others when there are several).
 */
export function unwrapNullable(schema: JsonSchema, root: JsonSchema): { schema: JsonSchema; nullable: boolean } {
  const s = deref(schema, root);
  if (!isSchemaObject(s)) return { schema: s, nullable: false };
  if (Array.isArray(s.type) && s.type.includes("null") && s.type.length > 1) {
    const rest = s.type.filter((t) => t !== "null");
    return { schema: { ...s, type: rest.length === 1 ? rest[0] : rest }, nullable: true };
  }
  const key = Array.isArray(s.anyOf) ? "anyOf" : Array.isArray(s.oneOf) ? "oneOf" : null;
  if (key !== null) {
    const members = (s[key] as JsonSchema[]).map((m) => deref(m, root));
    const rest = members.filter((m) => !isNullSchema(m));
    if (rest.length < members.length && rest.length > 0) {
      return { schema: rest.length === 1 ? rest[0] : { [key]: rest }, nullable: true };
    }
  }
  if (s.nullable === true) {
    // OpenAPI 3.0's spelling.
    const { nullable: _, ...rest } = s;
    return { schema: rest, nullable: true };
  }
  return { schema: s, nullable: false };
}

/** The JSON types a schema names (or implies by its keywords); null when it names none. */
export function typesOf(s: JsonSchemaObject): string[] | null {
  if (typeof s.type === "string") return [s.type];
  if (Array.isArray(s.type)) return s.type.filter((t): t is string => typeof t === "string");
  if ("properties" in s || "additionalProperties" in s || "required" in s || "propertyNames" in s) return ["object"];
  if ("items" in s || "prefixItems" in s) return ["array"];
  return null;
}

function literalShape(values: unknown[]): Shape {
  return values.every((v) => v === null || typeof v !== "object") ? "scalar" : "unknown";
}

function membersShape(members: JsonSchema[], root: JsonSchema, seen: Set<JsonSchema>): Shape {
  const shapes = new Set(members.map((m) => shapeIn(m, root, seen)));
  return shapes.size === 1 ? [...shapes][0] : "unknown";
}

function shapeIn(schema: JsonSchema, root: JsonSchema, seen: Set<JsonSchema>): Shape {
  const s = unwrapNullable(schema, root).schema;
  if (!isSchemaObject(s) || seen.has(s)) return "unknown";
  seen.add(s);
  if ("const" in s) return literalShape([s.const]);
  if (Array.isArray(s.enum)) return literalShape(s.enum);
  const members = (s.anyOf ?? s.oneOf ?? s.allOf) as JsonSchema[] | undefined;
  if (Array.isArray(members) && members.length > 0) return membersShape(members, root, seen);
  const types = typesOf(s);
  if (types === null || types.length === 0) return "unknown";
  if (types.every((t) => SCALAR_TYPES.has(t))) return "scalar";
  return types.length === 1 && (types[0] === "array" || types[0] === "object") ? types[0] : "unknown";
}

/**
 * What a value of `schema` is once nullable is unwrapped: a scalar (a string, number, boolean,
 * a literal, or a union of those), an array (a list or tuple), an object (a model or a dict), or
 * unknown (no type, a mix).
 */
export function shapeOf(schema: JsonSchema | null, root?: JsonSchema): Shape {
  return schema === null ? "unknown" : shapeIn(schema, root ?? schema, new Set());
}

/**
 * One declared property of a model read from a request: its key, its shape, and its default
 * unless it has none or it is null (FastAPI's _get_multidict_value gives that for an absent value).
 */
export type PropertyShape = [key: string, shape: Shape, fallback: unknown];

// Per field: a model of params is read this way on every request.
const propertyCache = new WeakMap<object, PropertyShape[]>();

/** The declared properties of an object schema, in its order, each with its shape and default. */
export function propertyShapes(field: { readonly jsonSchema: JsonSchemaObject | null }): PropertyShape[] {
  let shapes = propertyCache.get(field);
  if (shapes === undefined) propertyCache.set(field, (shapes = readPropertyShapes(field.jsonSchema)));
  return shapes;
}

function readPropertyShapes(root: JsonSchemaObject | null): PropertyShape[] {
  if (root === null) return [];
  const out = new Map<string, PropertyShape>();
  const seen = new Set<JsonSchema>();
  const collect = (schema: JsonSchema): void => {
    const s = unwrapNullable(schema, root).schema;
    if (!isSchemaObject(s) || seen.has(s)) return;
    seen.add(s);
    if (isSchemaObject(s.properties)) {
      for (const [key, p] of Object.entries(s.properties as Record<string, JsonSchema>)) {
        if (out.has(key)) continue;
        const declared = deref(p, root);
        const fallback = isSchemaObject(declared) && declared.default !== null ? declared.default : undefined;
        out.set(key, [key, shapeOf(p, root), fallback]);
      }
    }
    // valibot's intersect of objects is an allOf of them.
    if (Array.isArray(s.allOf)) for (const member of s.allOf as JsonSchema[]) collect(member);
  };
  collect(root);
  return [...out.values()];
}

/** The member of `schema` (unwrapped, or of its anyOf / oneOf / allOf) that declares `key`, else the first object one. */
function objectSchemaFor(schema: JsonSchema, root: JsonSchema, key: string): JsonSchemaObject | undefined {
  const s = unwrapNullable(schema, root).schema;
  if (!isSchemaObject(s)) return undefined;
  const members = (s.anyOf ?? s.oneOf ?? s.allOf) as JsonSchema[] | undefined;
  if (!Array.isArray(members)) return s;
  const objects = members.map((m) => unwrapNullable(m, root).schema).filter(isSchemaObject);
  return objects.find((m) => isSchemaObject(m.properties) && Object.hasOwn(m.properties, key)) ?? objects[0];
}

/** The schema of item `index` of an array schema (or of the first array member of a union). */
function itemSchemaFor(schema: JsonSchema, root: JsonSchema, index: number): JsonSchema | undefined {
  const s = unwrapNullable(schema, root).schema;
  if (!isSchemaObject(s)) return undefined;
  const members = (s.anyOf ?? s.oneOf) as JsonSchema[] | undefined;
  const array = Array.isArray(members) ? members.map((m) => unwrapNullable(m, root).schema).find((m) => isSchemaObject(m) && typesOf(m)?.[0] === "array") : s;
  if (!isSchemaObject(array)) return undefined;
  const prefix = array.prefixItems;
  if (Array.isArray(prefix) && index < prefix.length) return prefix[index] as JsonSchema;
  return typeof array.items === "object" ? (array.items as JsonSchema) : undefined;
}

/**
 * Where an error at `path` comes in pydantic's order, as numbers to compare in turn: a property's
 * index in its schema, an extra key's after every property in the input's order, an item's index.
 */
export function orderKey(schema: JsonSchema, root: JsonSchema, input: unknown, path: ReadonlyArray<string | number>): number[] {
  const key: number[] = [];
  let s: JsonSchema | undefined = schema;
  let value = input;
  for (const segment of path) {
    if (typeof segment === "number") {
      key.push(segment);
      s = s === undefined ? undefined : itemSchemaFor(s, root, segment);
    } else {
      const object = s === undefined ? undefined : objectSchemaFor(s, root, segment);
      const properties = object !== undefined && isSchemaObject(object.properties) ? object.properties : {};
      const names = Object.keys(properties);
      const index = names.indexOf(segment);
      if (index === -1) {
        const keys = isSchemaObject(value) ? Object.keys(value) : [];
        const position = keys.indexOf(segment);
        key.push(names.length + (position === -1 ? keys.length : position));
      } else {
        key.push(index);
      }
      const additional = object?.additionalProperties;
      s = index !== -1 ? (properties[segment] as JsonSchema) : typeof additional === "object" ? (additional as JsonSchema) : undefined;
    }
    value = isSchemaObject(value) || Array.isArray(value) ? (Object.hasOwn(value, segment) ? (value as Record<string | number, unknown>)[segment] : undefined) : undefined;
  }
  return key;
}
