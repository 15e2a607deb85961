// Port of fastapi/params.py: where a value comes from is the class, what it must be is the schema.
// The user-facing functions that build these (Query(), Path()...) are in param_functions.ts.
import type { StandardSchemaV1 } from "./_compat/standard_schema.js";

export enum ParamTypes {
  query = "query",
  header = "header",
  path = "path",
  cookie = "cookie",
}

/** FastAPI's keyword arguments shared by every parameter declaration, in camelCase. */
export interface FieldOptions {
  /** The name on the wire (query key, header name, form field, embedded body key). */
  alias?: string;
  title?: string;
  description?: string;
  /** Marked deprecated in OpenAPI; still accepted. */
  deprecated?: boolean;
  examples?: unknown[];
  openapiExamples?: Record<string, Record<string, unknown>>;
  /** @default true */
  includeInSchema?: boolean;
  /** Extra JSON Schema keywords for OpenAPI. */
  jsonSchemaExtra?: Record<string, unknown>;
  // Constraints FastAPI accepts as keywords, checked after the schema (where the schema lacks them).
  gt?: number;
  ge?: number;
  lt?: number;
  le?: number;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
}

export interface HeaderOptions extends FieldOptions {
  /** `user_agent` is read from the `user-agent` header. @default true */
  convertUnderscores?: boolean;
}

export interface BodyOptions extends FieldOptions {
  /** Expect `{"item": {...}}` rather than the item itself, even when it is the only body. */
  embed?: boolean;
  /** @default "application/json" */
  mediaType?: string;
}

export interface FormOptions extends FieldOptions {
  /** @default "application/x-www-form-urlencoded" */
  mediaType?: string;
}

export interface FileOptions extends FieldOptions {
  /** `"bytes"` gives the content (Python's `bytes = File()`), `"upload"` an UploadFile. @default "bytes" */
  as?: "bytes" | "upload";
  /** Several files under the same name, as a list. @default false */
  multiple?: boolean;
  /** Absent gives null instead of a 422 (Python's `UploadFile | None = None`). @default false */
  optional?: boolean;
  /** @default "multipart/form-data" */
  mediaType?: string;
}

/**
 * A declared value and the type it gives the handler. `output` is never set: it carries the
 * type of the value (in a tuple, so that `undefined` in it survives inference), so that a
 * handler's argument is typed from its declarations.
 */
export abstract class FieldInfo<T = unknown> {
  declare readonly output?: [T];
  constructor(
    /** The validator, or null where the layer validates itself (files). */
    readonly schema: StandardSchemaV1 | null,
    readonly options: FieldOptions,
  ) {}
}

/** A path, query, header or cookie parameter. */
export abstract class Param<T = unknown> extends FieldInfo<T> {
  abstract readonly in: ParamTypes;
}

export class Path<T = unknown> extends Param<T> {
  readonly in = ParamTypes.path;
}

export class Query<T = unknown> extends Param<T> {
  readonly in = ParamTypes.query;
}

export class Header<T = unknown> extends Param<T> {
  readonly in = ParamTypes.header;
  declare readonly options: HeaderOptions;
}

export class Cookie<T = unknown> extends Param<T> {
  readonly in = ParamTypes.cookie;
}

export class Body<T = unknown> extends FieldInfo<T> {
  declare readonly options: BodyOptions;
  get embed(): boolean {
    return this.options.embed ?? false;
  }
}

export class Form<T = unknown> extends Body<T> {
  declare readonly options: FormOptions;
}

export class File<T = unknown> extends Form<T> {
  declare readonly options: FileOptions;
}

/**
 * An object that is a dependency, as FastAPI's callable instances are (a security scheme, a
 * configured checker): the layer calls its `call` method with the values of its own `params`.
 */
export interface DependencyObject<P = Record<string, unknown>, R = unknown> {
  /** Its declared params, as a dependency function's `{ params }`. */
  readonly params?: P;
  call(values: never): R;
}

/** A function, a class whose instances are the value, or a dependency object, that the layer calls with its declared params. */
export type DependencyCall = ((values: never) => unknown) | (abstract new (values: never) => unknown) | DependencyObject;

export interface DependsOptions<P = Record<string, unknown>> {
  /** The dependency's own declared parameters, as a path operation's. */
  params?: P;
  /** Call it once per request even when several dependents need it. @default true */
  useCache?: boolean;
  /**
   * When the code after `yield` runs: `"request"` after the response is sent, `"function"`
   * before it (FastAPI 0.121+). @default "request"
   */
  scope?: "function" | "request";
}

/** `Depends(fn, options)`: what fn gives (or yields) is the value. */
export class Depends<T = unknown> {
  declare readonly output?: [T];
  readonly params: Record<string, unknown>;
  readonly useCache: boolean;
  readonly scope: "function" | "request" | null;

  constructor(
    readonly dependency: DependencyCall,
    options: DependsOptions = {},
  ) {
    this.params = options.params ?? {};
    this.useCache = options.useCache ?? true;
    this.scope = options.scope ?? null;
  }
}

/** `Security(fn, { scopes })`: a dependency that also asks for OAuth2 scopes. */
export class Security<T = unknown> extends Depends<T> {
  readonly scopes: readonly string[];
  constructor(dependency: DependencyCall, options: DependsOptions & { scopes?: readonly string[] } = {}) {
    super(dependency, options);
    this.scopes = [...(options.scopes ?? [])];
  }
}
