// No Python counterpart: the schema vocabulary the differential twins (tests/fastapi/apps) are
// written in, so that one twin runs with zod, valibot or arktype. Each kit builds its own
// validator's schemas; the declared types are the kit's, the same whichever validator is behind.
import type { StandardSchemaV1 } from "../../../src/fastapi/_compat/standard_schema.js";

export type KitName = "zod" | "valibot" | "arktype";

/** A kit's schema: a Standard Schema (with Standard JSON Schema) whose output is T. */
export interface Schema<T> extends StandardSchemaV1<unknown, T> {}

/** The output type of a kit's schema (zod's z.infer). */
export type Infer<S> = S extends Schema<infer T> ? T : never;

/** The fields of an object schema. */
export type Shape = Record<string, Schema<unknown>>;

/** What an object schema gives: each field's output. */
export type ObjectOf<S extends Shape> = { [K in keyof S]: Infer<S[K]> };

/** A JSON scalar, as Python's Literal takes it. */
export type Scalar = string | number | boolean | null;

/**
 * What the twins declare, as pydantic spells it. Schemas compose within one kit only; every
 * schema is a whole validator (a param's, a body's, a response model's) as well as a part.
 */
export interface Kit {
  readonly name: KitName;
  /**
   * Why this kit's objects do not keep the declaration order of their keys (pydantic's output and
   * error order follow it): its cases then compare objects whatever the order of their keys.
   */
  readonly unorderedKeys?: string;
  /** Python's Any (or no annotation). */
  unknown(): Schema<unknown>;
  string(): Schema<string>;
  /** Python's int: an integral number. */
  int(): Schema<number>;
  /** Python's float. */
  number(): Schema<number>;
  boolean(): Schema<boolean>;
  /** pydantic's HttpUrl: an http(s) URL, normalised as the WHATWG parser writes it. */
  httpUrl(): Schema<string>;
  /** Literal["a", 1...]. */
  literal<const V extends readonly Scalar[]>(values: V): Schema<V[number]>;
  /** A str Enum: its error is pydantic's `enum`, not `literal_error`. `name`: its class name, for OpenAPI. */
  enum<const V extends readonly string[]>(values: V, name?: string): Schema<V[number]>;
  /** `X | None`, required. */
  nullable<T>(inner: Schema<T>): Schema<T | null>;
  /** May be absent (no default): undefined then. */
  optional<T>(inner: Schema<T>): Schema<T | undefined>;
  /** `X = value`: absent gives the value. */
  withDefault<T>(inner: Schema<T>, value: T): Schema<T>;
  /** `X | None = None`, the commonest declaration. */
  orNone<T>(inner: Schema<T>): Schema<T | null>;
  /** list[X]. */
  array<T>(item: Schema<T>): Schema<T[]>;
  /** set[X]: sent as a list, a Set once validated. */
  set<T>(item: Schema<T>): Schema<Set<T>>;
  /** dict[str, X] or dict[int, X] (JSON keys are text: an int key comes as a string of digits). */
  record<T>(keys: "str" | "int", value: Schema<T>): Schema<Record<string, T>>;
  /** A BaseModel: extra keys are dropped. `name`: its class name, for OpenAPI's components. */
  object<S extends Shape>(shape: S, name?: string): Schema<ObjectOf<S>>;
  /** A BaseModel with `extra="forbid"`; `name` as object's. */
  strictObject<S extends Shape>(shape: S, name?: string): Schema<ObjectOf<S>>;
  /** `A | B`: the first member that takes the value. */
  union<const M extends readonly Schema<unknown>[]>(members: M): Schema<Infer<M[number]>>;
  /** AfterValidator: a check of the user's whose failure (pydantic's value_error) says `message`. */
  refine<T>(inner: Schema<T>, check: (value: T) => boolean, message: string): Schema<T>;
  /** Model(**value): the validated value, or an Error listing the issues. */
  parse<T>(schema: Schema<T>, value: unknown): T;
}

/** The validated value of a synchronous Standard Schema, or an Error with its issues (every kit's `parse`). */
export function parseWith<T>(schema: Schema<T>, value: unknown): T {
  const result = schema["~standard"].validate(value);
  if (result instanceof Promise) throw new TypeError(`${schema["~standard"].vendor} answered asynchronously`);
  if (result.issues !== undefined) throw new Error(result.issues.map((i) => i.message).join("; "));
  return result.value;
}
