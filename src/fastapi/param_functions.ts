// Port of fastapi/param_functions.py: Query(), Path(), Body()... build the classes of params.ts,
// typed from their schema so that a handler's argument is typed from its declarations.
import type { UploadFile } from "../datastructures.js";
import type { InferOutput, StandardSchemaV1 } from "./_compat/standard_schema.js";
import * as params from "./params.js";
import type { DependencyValue, ParamsSpec, Values } from "./types.js";

/** A path parameter: `{item_id}` in the path. Path parameters are always required. */
export function Path<S extends StandardSchemaV1>(schema: S, options: params.FieldOptions = {}): params.Path<InferOutput<S>> {
  return new params.Path(schema, options);
}

/** A query parameter. A schema that accepts `undefined` (a default, `.optional()`) makes it optional. */
export function Query<S extends StandardSchemaV1>(schema: S, options: params.FieldOptions = {}): params.Query<InferOutput<S>> {
  return new params.Query(schema, options);
}

/** A header; `user_agent` reads the `user-agent` header unless `convertUnderscores: false`. */
export function Header<S extends StandardSchemaV1>(schema: S, options: params.HeaderOptions = {}): params.Header<InferOutput<S>> {
  return new params.Header(schema, options);
}

export function Cookie<S extends StandardSchemaV1>(schema: S, options: params.FieldOptions = {}): params.Cookie<InferOutput<S>> {
  return new params.Cookie(schema, options);
}

/** A JSON body: the body itself when it is the only one, else embedded under its name. */
export function Body<S extends StandardSchemaV1>(schema: S, options: params.BodyOptions = {}): params.Body<InferOutput<S>> {
  return new params.Body(schema, options);
}

/** A form field (or, with an object schema as the only form param, the whole form as a model). */
export function Form<S extends StandardSchemaV1>(schema: S, options: params.FormOptions = {}): params.Form<InferOutput<S>> {
  return new params.Form(schema, options);
}

type FileKind<O extends params.FileOptions> = O["as"] extends "upload" ? UploadFile : Uint8Array;
type FileList<O extends params.FileOptions> = O["multiple"] extends true ? Array<FileKind<O>> : FileKind<O>;
/** What `File(options)` gives: bytes or an UploadFile, a list of them with `multiple`, or null with `optional`. */
export type FileValue<O extends params.FileOptions> = O["optional"] extends true ? FileList<O> | null : FileList<O>;

/** An uploaded file, from a multipart form: its bytes, or an UploadFile with `as: "upload"`. */
export function File<const O extends params.FileOptions = Record<never, never>>(options?: O): params.File<FileValue<O>> {
  return new params.File(null, options ?? {});
}

type DependsOptions<P> = Omit<params.DependsOptions<P>, "params">;

/**
 * A dependency: the layer calls `dependency` with its own declared `params` (query values, other
 * dependencies...) and passes what it returns, or yields once for a generator, to the handler.
 * A class is constructed with the values instead (FastAPI's classes as dependencies); an object
 * with a `call` method and its own `params` (FastAPI's callable instances) has `call` called.
 */
export function Depends<R>(dependency: () => R, options?: DependsOptions<Record<never, never>>): params.Depends<DependencyValue<R>>;
export function Depends<P extends ParamsSpec, R>(dependency: (values: Values<P>) => R, options: DependsOptions<P> & { params: P }): params.Depends<DependencyValue<R>>;
export function Depends<I>(dependency: new () => I, options?: DependsOptions<Record<never, never>>): params.Depends<I>;
export function Depends<P extends ParamsSpec, R>(dependency: { readonly params: P; call(values: Values<P>): R }, options?: DependsOptions<P>): params.Depends<DependencyValue<R>>;
export function Depends<R>(dependency: { call(values: Record<never, never>): R }, options?: DependsOptions<Record<never, never>>): params.Depends<DependencyValue<R>>;
export function Depends<P extends ParamsSpec, I>(dependency: new (values: Values<P>) => I, options: DependsOptions<P> & { params: P }): params.Depends<I>;
export function Depends(dependency: params.DependencyCall, options?: params.DependsOptions<ParamsSpec>): params.Depends {
  return new params.Depends(dependency, options);
}

type SecurityOptions<P> = DependsOptions<P> & { scopes?: readonly string[] };

/** `Depends` that also asks for OAuth2 scopes, gathered by `SecurityScopes` down the chain. */
export function Security<R>(dependency: () => R, options?: SecurityOptions<Record<never, never>>): params.Security<DependencyValue<R>>;
export function Security<P extends ParamsSpec, R>(dependency: (values: Values<P>) => R, options: SecurityOptions<P> & { params: P }): params.Security<DependencyValue<R>>;
export function Security<P extends ParamsSpec, R>(dependency: { readonly params: P; call(values: Values<P>): R }, options?: SecurityOptions<P>): params.Security<DependencyValue<R>>;
export function Security(dependency: params.DependencyCall, options?: params.DependsOptions<ParamsSpec> & { scopes?: readonly string[] }): params.Security {
  return new params.Security(dependency, options);
}
