// Port of ModelField in fastapi/_compat/v2.py: one declared value (a param, a body, a response)
// and its validation, here by any Standard Schema validator with pydantic's lax conversion and
// error types around it.
import { type ErrorDetails, type Loc, missingError } from "./errors.js";
import { rememberInput } from "./fields_set.js";
import { issuesToErrors } from "./issues.js";
import { type JsonSchemaObject, type Shape, orderKey, shapeOf } from "./json_schema.js";
import { type LaxNode, compileLax } from "./lax.js";
import type { StandardJSONSchemaV1, StandardSchemaV1 } from "./standard_schema.js";

/** A validated value, or the errors (never both). */
export type ValidationResult<T> = { value: T; errors?: undefined } | { errors: ErrorDetails[] };

/**
 * FastAPI's keyword constraints of a param (`Query(ge=1)`, see constraints.ts): pydantic checks
 * them with the type, after its conversion and before any validator of the user's.
 */
export type Constraints = (value: unknown, loc: Loc) => ErrorDetails[];

export interface ModelFieldOptions {
  /** The param's or model's name. */
  name?: string;
}

type Result<T> = StandardSchemaV1.Result<T>;

const TARGET: StandardJSONSchemaV1.Options = { target: "draft-2020-12" };
// Asked for when the strict conversion throws: an unrepresentable part (zod's z.date()) becomes {}
// instead of failing the whole schema. arktype falls back by itself.
const LENIENT: Record<string, Record<string, unknown>> = { zod: { unrepresentable: "any" }, valibot: { errorMode: "ignore" } };

function jsonSchemaOf(props: StandardSchemaV1.Props, io: "input" | "output"): JsonSchemaObject | null {
  const converter = props.jsonSchema;
  if (converter === undefined) return null;
  try {
    return converter[io](TARGET);
  } catch {
    const libraryOptions = Object.hasOwn(LENIENT, props.vendor) ? LENIENT[props.vendor] : undefined;
    if (libraryOptions === undefined) return null;
    try {
      return converter[io]({ ...TARGET, libraryOptions });
    } catch {
      return null;
    }
  }
}

function hasErrorAt(errors: ErrorDetails[], depth: number): boolean {
  for (const e of errors) if (e.loc.length === depth) return true;
  return false;
}

/** Whether one loc is the other or lies under it. */
function related(a: Loc, b: Loc): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

function compareKeys(a: number[], b: number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/**
 * A value declared with a Standard Schema validator (zod 4, valibot 1, arktype 2...), validated as
 * FastAPI validates with pydantic: lax conversion first where the validator's JSON Schema asks
 * for it ("5" -> 5), pydantic's errors for what cannot be converted, the validator's for the rest.
 * @example
 * const field = new ModelField(z.int().min(1).default(10), { name: "limit" });
 * field.validate("20", ["query", "limit"], true); // { value: 20 }
 */
export class ModelField<T = unknown> {
  readonly schema: StandardSchemaV1<unknown, T>;
  readonly name: string | undefined;
  readonly vendor: string;
  /** The input JSON Schema (draft 2020-12); null when the validator has none or it cannot convert. */
  readonly jsonSchema: JsonSchemaObject | null;
  readonly shape: Shape;
  private readonly standard: StandardSchemaV1.Props<unknown, T>;
  private readonly lax: LaxNode | null;
  // A string is converted before the first validation when the schema does not take strings as they are.
  private readonly stringFirst: boolean;
  private cachedOutput: JsonSchemaObject | null | undefined;
  private cachedRequired: boolean | undefined;

  constructor(schema: StandardSchemaV1<unknown, T>, options: ModelFieldOptions = {}) {
    this.schema = schema;
    this.name = options.name;
    // Read once: arktype builds a new "~standard" object on each access.
    this.standard = schema["~standard"];
    this.vendor = this.standard.vendor;
    this.jsonSchema = jsonSchemaOf(this.standard, "input");
    this.shape = shapeOf(this.jsonSchema);
    this.lax = this.jsonSchema === null ? null : compileLax(this.jsonSchema);
    this.stringFirst = this.lax !== null && !this.lax.exact("");
  }

  /** The output JSON Schema (after transforms); null when there is none. */
  get outputJsonSchema(): JsonSchemaObject | null {
    if (this.cachedOutput === undefined) this.cachedOutput = jsonSchemaOf(this.standard, "output");
    return this.cachedOutput;
  }

  /**
   * Whether a value must be given: the validator rejects `undefined` (no default, not optional).
   * A validator that answers `undefined` asynchronously counts as required.
   */
  get required(): boolean {
    if (this.cachedRequired === undefined) {
      const result = this.standard.validate(undefined);
      if (result instanceof Promise) result.catch(() => undefined);
      this.cachedRequired = result instanceof Promise || result.issues !== undefined;
    }
    return this.cachedRequired;
  }

  /**
   * Validate one value found at `loc`; `undefined` means absent (the default, or pydantic's
   * `missing`). `fromStrings`: the value is request text (path, query, header, cookie, form),
   * converted before it is validated. `constraints`: checked on the (converted) value before the
   * validator, their errors given the value as received. A Promise only when the validator answers with one.
   */
  validate(value: unknown, loc: Loc, fromStrings = false, constraints: Constraints | null = null): ValidationResult<T> | Promise<ValidationResult<T>> {
    if (value === undefined) {
      const result = this.standard.validate(undefined);
      return result instanceof Promise ? result.then((r) => absent(r, loc)) : absent(result, loc);
    }
    if (this.lax !== null && (fromStrings || (this.stringFirst && typeof value === "string"))) return this.convertThenValidate(value, loc, constraints);
    const result = this.standard.validate(value);
    return result instanceof Promise ? result.then((r) => this.afterRaw(r, value, loc, constraints)) : this.afterRaw(result, value, loc, constraints);
  }

  private afterRaw(result: Result<T>, value: unknown, loc: Loc, constraints: Constraints | null): ValidationResult<T> | Promise<ValidationResult<T>> {
    if (result.issues === undefined) {
      // The validator took the value as it came: the constraints see that value, or what the
      // validator made of it where the layer converts nothing (no JSON Schema).
      const failed = constraints === null ? null : violated(constraints, this.lax === null ? result.value : value, loc, value);
      if (failed !== null) return failed;
      rememberInput(result.value, value);
      return { value: result.value };
    }
    if (this.lax === null) return { errors: issuesToErrors(result.issues, loc, value, this.vendor, this.schema) };
    return this.convertThenValidate(value, loc, constraints);
  }

  private convertThenValidate(value: unknown, loc: Loc, constraints: Constraints | null): ValidationResult<T> | Promise<ValidationResult<T>> {
    const errors: ErrorDetails[] = [];
    // The converter uses loc as a stack, leaves it as it was, and copies it into its errors.
    const converted = (this.lax as LaxNode).convert(value, loc, errors);
    // An error at the value itself: whatever the validator says would be at or under it.
    if (errors.length > 0 && hasErrorAt(errors, loc.length)) return { errors };
    if (constraints !== null && errors.length === 0) {
      // pydantic checks ge=, max_length=... with the type: "inf" for lt=10.5 is less_than, never the validator's.
      const failed = violated(constraints, converted, loc, value);
      if (failed !== null) return failed;
    }
    const result = this.standard.validate(converted);
    return result instanceof Promise ? result.then((r) => this.merge(r, errors, value, loc)) : this.merge(result, errors, value, loc);
  }

  /** The layer's errors and the validator's issues, those about a place the layer reported left out, in pydantic's order. */
  private merge(result: Result<T>, errors: ErrorDetails[], value: unknown, loc: Loc): ValidationResult<T> {
    if (result.issues === undefined) {
      if (errors.length > 0) return { errors };
      rememberInput(result.value, value);
      return { value: result.value };
    }
    const issues = issuesToErrors(result.issues, loc, value, this.vendor, this.schema);
    if (errors.length === 0) return { errors: issues };
    const kept = issues.filter((issue) => !errors.some((e) => related(e.loc, issue.loc)));
    if (kept.length === 0) return { errors };
    const schema = this.jsonSchema as JsonSchemaObject;
    const keyed = [...errors, ...kept].map((e) => ({ e, key: orderKey(schema, schema, value, e.loc.slice(loc.length)) }));
    keyed.sort((a, b) => compareKeys(a.key, b.key));
    return { errors: keyed.map((k) => k.e) };
  }
}

/** The constraints' errors for `value`, each with `input` (the value as received, as pydantic reports it); null when they pass. */
function violated(constraints: Constraints, value: unknown, loc: Loc, input: unknown): { errors: ErrorDetails[] } | null {
  const errors = constraints(value, loc);
  if (errors.length === 0) return null;
  for (const error of errors) error.input = input;
  return { errors };
}

function absent<T>(result: Result<T>, loc: Loc): ValidationResult<T> {
  return result.issues === undefined ? { value: result.value } : { errors: [missingError(loc)] };
}
