// No pydantic counterpart: a validator's Standard Schema issues as FastAPI's error dicts, with the
// loc under the param's, the validator's message, the offending input, and pydantic's type (and
// ctx) where the vendor's issue says unambiguously which pydantic error it is, else its own code.
import type { ErrorDetails, Loc } from "./errors.js";
import type { StandardSchemaV1 } from "./standard_schema.js";

/** What an issue points at in the validated input. */
interface Target {
  readonly value: unknown;
  /** The object or array holding it (the input itself at the root). */
  readonly parent: unknown;
  /** Whether the path leads to a value (false for a missing key). */
  readonly present: boolean;
}

/** pydantic's type and ctx for one issue; `type: "missing"` makes the input the parent, as pydantic's. */
interface Mapped {
  type: string;
  ctx?: Record<string, unknown>;
}

type Issue = StandardSchemaV1.Issue & Record<string, unknown>;

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function pathOf(issue: StandardSchemaV1.Issue): Loc {
  const path: Loc = [];
  for (const segment of issue.path ?? []) {
    const key = typeof segment === "object" && segment !== null ? segment.key : segment;
    path.push(typeof key === "number" ? key : String(key));
  }
  return path;
}

function targetOf(input: unknown, path: Loc): Target {
  let value = input;
  let parent = input;
  for (const key of path) {
    parent = value;
    if (Array.isArray(value) ? typeof key === "number" && key < value.length : isPlainObject(value) && Object.hasOwn(value, key)) {
      value = (value as Record<string | number, unknown>)[key];
    } else {
      return { value: undefined, parent, present: false };
    }
  }
  return { value, parent, present: value !== undefined };
}

/** Python's repr of a JSON scalar: 'a', "it's", 1, 1.5, True, None. */
export function pyRepr(value: unknown): string {
  if (typeof value === "string") {
    const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
    const body = value.replaceAll("\\", "\\\\").replaceAll("\n", "\\n").replaceAll("\r", "\\r").replaceAll("\t", "\\t");
    return quote + (quote === "'" ? body.replaceAll("'", "\\'") : body) + quote;
  }
  if (typeof value === "boolean") return value ? "True" : "False";
  if (value === null) return "None";
  return String(value);
}

/** pydantic's `expected` of a Literal: "'a', 'b' or 'c'". */
export function pyExpected(values: readonly unknown[]): string {
  const reprs = values.map(pyRepr);
  return reprs.length < 2 ? reprs.join("") : `${reprs.slice(0, -1).join(", ")} or ${reprs[reprs.length - 1]}`;
}

const num = (v: unknown): v is number => typeof v === "number";

/** A length constraint on a string or a list (pydantic tells them apart by type and ctx). */
function length(value: unknown, min: boolean, limit: unknown): Mapped | null {
  if (!num(limit)) return null;
  if (typeof value === "string") return min ? { type: "string_too_short", ctx: { min_length: limit } } : { type: "string_too_long", ctx: { max_length: limit } };
  if (!Array.isArray(value)) return null;
  const ctx = { field_type: "List", [min ? "min_length" : "max_length"]: limit, actual_length: value.length };
  return { type: min ? "too_short" : "too_long", ctx };
}

function bound(min: boolean, exclusive: boolean, limit: unknown): Mapped | null {
  if (!num(limit)) return null;
  if (min) return exclusive ? { type: "greater_than", ctx: { gt: limit } } : { type: "greater_than_equal", ctx: { ge: limit } };
  return exclusive ? { type: "less_than", ctx: { lt: limit } } : { type: "less_than_equal", ctx: { le: limit } };
}

const pattern = (source: string): Mapped => ({ type: "string_pattern_mismatch", ctx: { pattern: source } });
const literal = (values: readonly unknown[], type = "literal_error"): Mapped => ({ type, ctx: { expected: pyExpected(values) } });
// A non-integral number where an int was expected is int_from_float; anything else int_type.
const intError = (value: unknown): Mapped => ({ type: num(value) && Number.isFinite(value) && !Number.isInteger(value) ? "int_from_float" : "int_type" });

const TYPE_ERRORS: Record<string, string> = {
  string: "string_type",
  number: "float_type",
  boolean: "bool_type",
  array: "list_type",
  tuple: "tuple_type",
  object: "model_attributes_type",
  record: "dict_type",
  null: "none_required",
};

// ---------------------------------------------------------------- zod

/** A zod schema's definition (`_zod.def`), read as data: the layer imports no validator. */
type ZodDef = { readonly type?: unknown; readonly [key: string]: unknown };

const zodDef = (schema: unknown): ZodDef | undefined => (schema as { _zod?: { def?: ZodDef } } | null | undefined)?._zod?.def;

// Wrappers that validate the value with their inner schema.
const ZOD_WRAPPERS = new Set(["optional", "nullable", "default", "prefault", "nonoptional", "readonly", "catch", "success"]);
// Steps that do not go down the path (wrappers, lazy, unions...): more means a cycle of lazy schemas.
const MAX_ZOD_HOPS = 64;

/** The schemas a zod schema validates the same value with (wrapped, lazy, piped, intersected, union members); null for none. */
function zodBranches(def: ZodDef, type: string): readonly unknown[] | null {
  if (ZOD_WRAPPERS.has(type)) return [def.innerType];
  if (type === "lazy") return [(def.getter as () => unknown)()];
  if (type === "pipe") return [def.in, def.out];
  if (type === "intersection") return [def.left, def.right];
  return type === "union" ? (def.options as unknown[]) : null;
}

/** Every zod schema that may have validated the value at `path[at:]` under `schema`: each union member, both ends of a pipe. */
function zodSchemasAt(schema: unknown, path: Loc, at: number, out: ZodDef[], hops = 0): void {
  const def = zodDef(schema);
  if (def === undefined || hops > MAX_ZOD_HOPS) return;
  const type = String(def.type);
  const next = (child: unknown, step: number): void => zodSchemasAt(child, path, at + step, out, step === 0 ? hops + 1 : 0);
  const branches = zodBranches(def, type);
  if (branches !== null) {
    for (const branch of branches) next(branch, 0);
    return;
  }
  if (at === path.length) {
    out.push(def);
    return;
  }
  const key = path[at];
  if (type === "object") {
    const shape = def.shape as Record<string, unknown>;
    if (Object.hasOwn(shape, key)) next(shape[key], 1);
  } else if (type === "array") {
    next(def.element, 1);
  } else if (type === "tuple") {
    const items = def.items as unknown[];
    next(typeof key === "number" && key < items.length ? items[key] : def.rest, 1);
  } else if (type === "record") {
    next(def.valueType, 1);
  }
}

/** Whether the values an invalid_value issue lists are those of a z.enum at its path (Python's Enum), not a z.literal's. */
function isZodEnum(root: unknown, path: Loc, values: readonly unknown[]): boolean {
  const found: ZodDef[] = [];
  zodSchemasAt(root, path, 0, found);
  return found.some((def) => {
    if (def.type !== "enum") return false;
    // zod's getEnumValues: a TypeScript numeric enum's reverse entries ("1": "B") are not values.
    const entries = Object.entries(def.entries as Record<string, unknown>);
    const numbers = entries.map(([, v]) => v).filter((v) => typeof v === "number");
    const options = entries.filter(([k]) => !numbers.includes(Number(k))).map(([, v]) => v);
    return options.length === values.length && values.every((v) => options.includes(v));
  });
}

/** pydantic's error for a string that zod's format check refused, where zod's format has a pydantic type. */
function zodFormat(format: unknown, value: unknown): Mapped | null {
  switch (format) {
    case "url":
      // A URL that parses was refused for its scheme (z.httpUrl, z.url({ protocol })).
      return { type: typeof value === "string" && URL.canParse(value) ? "url_scheme" : "url_parsing" };
    case "guid":
    case "uuid":
      return { type: "uuid_parsing" };
    case "datetime":
      return { type: "datetime_from_date_parsing" };
    case "date":
      return { type: "date_from_datetime_parsing" };
    case "time":
      return { type: "time_parsing" };
    case "duration":
      return { type: "time_delta_parsing" };
    default:
      return null;
  }
}

function zod(issue: Issue, target: Target, root: unknown, path: Loc): Mapped | null {
  const value = target.value;
  switch (issue.code) {
    case "invalid_type":
      if (!target.present) return { type: "missing" };
      return issue.expected === "int" ? intError(value) : typeof issue.expected === "string" && Object.hasOwn(TYPE_ERRORS, issue.expected) ? { type: TYPE_ERRORS[issue.expected] } : null;
    case "too_small":
    case "too_big": {
      const min = issue.code === "too_small";
      const limit = min ? issue.minimum : issue.maximum;
      if (issue.origin === "number" || issue.origin === "int") return bound(min, issue.inclusive === false, limit);
      return issue.origin === "string" || issue.origin === "array" ? length(value, min, limit) : null;
    }
    case "not_multiple_of":
      return num(issue.divisor) ? { type: "multiple_of", ctx: { multiple_of: issue.divisor } } : null;
    case "invalid_format": {
      if (issue.format !== "regex") return zodFormat(issue.format, value);
      // zod gives the RegExp as a string: "/^a+$/".
      const source = typeof issue.pattern === "string" ? /^\/(.*)\/[a-z]*$/s.exec(issue.pattern) : null;
      return source ? pattern(source[1]) : null;
    }
    case "invalid_value":
      if (!Array.isArray(issue.values)) return null;
      return literal(issue.values, isZodEnum(root, path, issue.values) ? "enum" : "literal_error");
    case "custom":
      // A refinement of the user's: pydantic's error for a validator function that raises ValueError.
      return { type: "value_error" };
    default:
      return null;
  }
}

// ---------------------------------------------------------------- valibot and arktype

function valibot(issue: Issue, target: Target): Mapped | null {
  const { value } = target;
  const requirement = issue.requirement;
  if (issue.kind === "schema") {
    if (!target.present) return { type: "missing" };
    const type = String(issue.type);
    // An extra key of a strict object (pydantic's extra_forbidden) or item of a strict tuple (too_long, at the tuple).
    if (issue.expected === "never") return type === "strict_object" ? { type: "extra_forbidden" } : null;
    if (type === "literal" || type === "picklist") return { type: "literal_error" };
    if (type === "enum") return { type: "enum" };
    if (/(^|_)object/.test(type)) return { type: "model_attributes_type" };
    if (/(^|_)tuple/.test(type)) return { type: "tuple_type" };
    return Object.hasOwn(TYPE_ERRORS, type) ? { type: TYPE_ERRORS[type] } : null;
  }
  switch (issue.type) {
    case "min_length":
    case "non_empty":
      return length(value, true, issue.type === "non_empty" ? 1 : requirement);
    case "max_length":
      return length(value, false, requirement);
    case "length":
      return length(value, typeof value === "string" || Array.isArray(value) ? value.length < Number(requirement) : true, requirement);
    case "min_value":
    case "gt_value":
      return bound(true, issue.type === "gt_value", requirement);
    case "max_value":
    case "lt_value":
      return bound(false, issue.type === "lt_value", requirement);
    case "multiple_of":
      return num(requirement) ? { type: "multiple_of", ctx: { multiple_of: requirement } } : null;
    case "regex":
      return requirement instanceof RegExp ? pattern(requirement.source) : null;
    case "check":
      // v.check(fn): a validator function of the user's, pydantic's value_error.
      return { type: "value_error" };
    case "url":
      // v.url(): URL.canParse refused the text.
      return { type: "url_parsing" };
    case "integer":
      return intError(value);
    default:
      return null;
  }
}

function arktype(issue: Issue, target: Target): Mapped | null {
  const { value } = target;
  switch (issue.code) {
    case "required":
      return { type: "missing" };
    case "domain":
      return typeof issue.domain === "string" && Object.hasOwn(TYPE_ERRORS, issue.domain) ? { type: TYPE_ERRORS[issue.domain] } : null;
    case "unit":
      return issue.unit === null ? { type: "none_required" } : literal([issue.unit]);
    case "union": {
      const branches = Array.isArray(issue.errors) ? (issue.errors as Issue[]) : [];
      if (branches.length === 0 || !branches.every((b) => b.code === "unit")) return null;
      const units = branches.map((b) => b.unit);
      // arktype's boolean is the union of its two units.
      if (units.length === 2 && units.includes(true) && units.includes(false)) return { type: "bool_type" };
      return literal(units);
    }
    case "minLength":
    case "maxLength":
      return length(value, issue.code === "minLength", issue.rule);
    case "exactLength":
      return length(value, typeof value === "string" || Array.isArray(value) ? value.length < Number(issue.rule) : true, issue.rule);
    case "min":
    case "max":
      return bound(issue.code === "min", issue.exclusive === true, issue.rule);
    case "divisor":
      return issue.rule === 1 ? intError(value) : num(issue.rule) ? { type: "multiple_of", ctx: { multiple_of: issue.rule } } : null;
    case "pattern":
      // A regex of the user's; arktype's keywords (string.email, string.uuid) describe themselves otherwise.
      return typeof issue.rule === "string" && issue.expected === `matched by ${issue.rule}` ? pattern(issue.rule) : null;
    case "predicate":
      if (issue.expected === "removed") return { type: "extra_forbidden" };
      // string.url: URL.canParse refused the text.
      if (issue.expected === "a URL string") return { type: "url_parsing" };
      // .narrow(fn) (or ctx.reject without `expected`), which arktype describes by the function: a
      // validator function of the user's, pydantic's value_error.
      return typeof issue.expected === "string" && issue.expected.startsWith("valid according to ") ? { type: "value_error" } : null;
    default:
      return null;
  }
}

/** A vendor's mapping: the issue, what it points at, the validated schema and the issue's path in it. */
type Mapper = (issue: Issue, target: Target, schema: unknown, path: Loc) => Mapped | null;

const MAPPERS: Record<string, Mapper> = { zod, valibot, arktype };

function vendorCode(issue: Issue): string {
  for (const key of ["code", "type", "kind"]) if (typeof issue[key] === "string") return issue[key] as string;
  return "value_error";
}

function detail(loc: Loc, path: Loc, issue: Issue, target: Target, mapped: Mapped | null): ErrorDetails {
  const type = mapped?.type ?? vendorCode(issue);
  const input = type === "missing" ? target.parent : target.present ? target.value : null;
  const error: ErrorDetails = { type, loc: [...loc, ...path], msg: issue.message, input };
  if (mapped?.ctx !== undefined) error.ctx = mapped.ctx;
  return error;
}

/**
 * The issues of `vendor`'s validator for `input` (the value as received, before conversion,
 * which pydantic reports as the input) as ErrorDetails under `loc`. `schema`, the validator that
 * gave them, tells a zod enum from a literal.
 */
export function issuesToErrors(issues: ReadonlyArray<StandardSchemaV1.Issue>, loc: Loc, input: unknown, vendor: string, schema?: unknown): ErrorDetails[] {
  const map = Object.hasOwn(MAPPERS, vendor) ? MAPPERS[vendor] : null;
  const out: ErrorDetails[] = [];
  for (const raw of issues) {
    const issue = raw as Issue;
    const path = pathOf(issue);
    const target = targetOf(input, path);
    if (vendor === "zod" && issue.code === "unrecognized_keys" && Array.isArray(issue.keys)) {
      // One zod issue for every extra key; pydantic has one extra_forbidden each.
      for (const key of issue.keys as string[]) {
        const keyPath = [...path, key];
        out.push(detail(loc, keyPath, issue, targetOf(input, keyPath), { type: "extra_forbidden" }));
      }
      continue;
    }
    out.push(detail(loc, path, issue, target, map === null ? null : map(issue, target, schema, path)));
  }
  return out;
}
