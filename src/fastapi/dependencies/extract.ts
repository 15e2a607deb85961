// The reading half of fastapi/dependencies/utils.py: request_params_to_args and
// request_body_to_args, the values of declared params taken from a request and validated.
import { FormData, UploadFile } from "../../datastructures.js";
import type { HTTPConnection } from "../../requests.js";
import { missingError, type ErrorDetails, type Loc } from "../_compat/errors.js";
import { type PropertyShape, propertyShapes } from "../_compat/json_schema.js";
import type { ValidationResult } from "../_compat/model_field.js";
import * as params from "../params.js";
import type { ParamField } from "./models.js";

/** One validated (or failed) value, kept in declaration order until every async validator is done. */
interface Entry {
  readonly pf: ParamField | null;
  readonly result: ValidationResult<unknown> | Promise<ValidationResult<unknown>>;
}

/** The values found for a dependant's params, and the errors, in FastAPI's order. */
export interface Collected {
  values: Record<string, unknown>;
  errors: ErrorDetails[];
  /** The results from the first that is still pending on: they settle in order, in finish(). */
  entries: Entry[];
}

export function collected(): Collected {
  return { values: {}, errors: [], entries: [] };
}

// A key named "__proto__" is data, as in a Python dict, never the object's prototype.
export function setValue(values: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(values, key, { value, enumerable: true, writable: true, configurable: true });
  else values[key] = value;
}

/** Validate one value for `pf`; `fromStrings` for path/query/header/cookie/form text, which is converted first. */
export function validateInto(into: Collected, pf: ParamField, value: unknown, loc: Loc, fromStrings: boolean): void {
  add(into, pf, (pf.field as NonNullable<ParamField["field"]>).validate(value, loc, fromStrings, pf.constraints));
}

function pushErrors(into: Collected, errors: ErrorDetails[]): void {
  add(into, null, { errors });
}

/** A result settles at once unless one before it is still pending (the usual case: every validator answers at once). */
function add(into: Collected, pf: ParamField | null, result: Entry["result"]): void {
  if (into.entries.length === 0 && !(result instanceof Promise)) settle(into, pf, result);
  else into.entries.push({ pf, result });
}

/** Settle the results still pending, in order: the values into `values`, the errors into `errors`. */
export function finish(into: Collected): void | Promise<void> {
  const entries = into.entries;
  if (entries.length === 0) return;
  into.entries = [];
  return Promise.all(entries.map((e) => e.result)).then((results) => {
    for (let i = 0; i < entries.length; i++) settle(into, entries[i].pf, results[i]);
  });
}

function settle(into: Collected, pf: ParamField | null, result: ValidationResult<unknown>): void {
  if (result.errors) into.errors.push(...result.errors);
  else if (pf !== null) setValue(into.values, pf.name, result.value);
}

// ---------------------------------------------------------------- path, query, header, cookie

type Source = "path" | "query" | "header" | "cookie";

/** One value (or every value, for a list) of a name, from where a param of that kind lives. */
function lookup(request: HTTPConnection, source: Source, name: string, multi: boolean): unknown {
  switch (source) {
    case "path": {
      const params = request.pathParams;
      return Object.hasOwn(params, name) ? params[name] : undefined;
    }
    case "query":
      return multi ? request.queryParams.getlist(name) : (request.queryParams.get(name) ?? undefined);
    case "header":
      return multi ? request.headers.getlist(name) : (request.headers.get(name) ?? undefined);
    default: {
      const cookies = request.cookies;
      return Object.hasOwn(cookies, name) ? cookies[name] : undefined;
    }
  }
}

// Path params are never a model (analysis refuses one, as FastAPI does).
function sourceKeys(request: HTTPConnection, source: Exclude<Source, "path">): string[] {
  if (source === "query") return request.queryParams.keys();
  if (source === "header") return [...new Set(request.headers.keys())];
  return Object.keys(request.cookies);
}

/** FastAPI's _get_multidict_value: an empty list is absent, as a missing key is. */
function present(value: unknown): unknown {
  return Array.isArray(value) && value.length === 0 ? undefined : value;
}

/** An absent model field's default, a copy of it (FastAPI deep-copies), as _get_multidict_value gives it. */
function orDefault(value: unknown, fallback: unknown): unknown {
  if (value !== undefined || fallback === undefined) return value;
  return typeof fallback === "object" ? structuredClone(fallback) : fallback;
}

/** FastAPI's request_params_to_args for the params of one kind. */
export function paramsToArgs(into: Collected, fields: readonly ParamField[], source: Source, request: HTTPConnection): void {
  if (fields.length === 0) return;
  const first = fields[0];
  if (source !== "path" && fields.length === 1 && first.field?.shape === "object") {
    // A model of params (Query Parameter Models): every key of the model, and any other key, as one object.
    const convert = source === "header" && (first.info as params.Header).options.convertUnderscores !== false;
    const model: Record<string, unknown> = {};
    const taken = new Set<string>();
    for (const [key, shape, fallback] of propertyShapes(first.field)) {
      const wire = convert ? key.replaceAll("_", "-") : key;
      const value = orDefault(present(lookup(request, source, wire, shape === "array")), fallback);
      if (value !== undefined) setValue(model, key, value);
      taken.add(wire).add(key);
    }
    for (const key of sourceKeys(request, source)) {
      if (taken.has(key)) continue;
      const all = lookup(request, source, key, source === "query" || source === "header") as unknown;
      setValue(model, key, Array.isArray(all) && all.length === 1 ? all[0] : all);
    }
    validateInto(into, first, model, [source], true);
    return;
  }
  for (const pf of fields) {
    const value = present(lookup(request, source, pf.alias, pf.field?.shape === "array"));
    validateInto(into, pf, value, [source, pf.alias], true);
  }
}

// ---------------------------------------------------------------- body

/** The body as FastAPI hands it on: parsed JSON, a form, raw text for other content types, or null. */
export type ReceivedBody = unknown;

/** Files are the layer's own: bytes or UploadFile, one or a list, required or null. */
function fileValue(into: Collected, pf: ParamField, value: unknown, loc: Loc): void {
  add(into, pf, readFiles(pf, value, loc));
}

async function readFiles(pf: ParamField, value: unknown, loc: Loc): Promise<ValidationResult<unknown>> {
  const options = (pf.info as params.File).options;
  if (value === undefined || value === "") return options.optional ? { value: null } : { errors: [missingError(loc)] };
  const errors: ErrorDetails[] = [];
  const one = async (item: unknown, itemLoc: Loc): Promise<unknown> => {
    if (options.as !== "upload") {
      // bytes: an upload's content, or a plain field's text encoded (pydantic's lax str -> bytes).
      return item instanceof UploadFile ? await item.read() : Buffer.from(String(item), "utf8");
    }
    if (!(item instanceof UploadFile)) {
      errors.push({ type: "value_error", loc: itemLoc, msg: "Value error, Expected UploadFile, received: <class 'str'>", input: item, ctx: { error: {} } });
    }
    return item;
  };
  const result = Array.isArray(value) ? await Promise.all(value.map((item, i) => one(item, [...loc, i]))) : await one(value, loc);
  return errors.length ? { errors } : { value: result };
}

/**
 * FastAPI's _extract_form_body: the values of the fields' names, then every other key. An empty
 * text is absent for a Form param, not for a field of a form model (pydantic's, not Form()'s).
 */
function formValues(fields: readonly PropertyShape[], form: FormData, isModel: boolean): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const aliases = new Set<string>();
  for (const [alias, shape, fallback] of fields) {
    aliases.add(alias);
    const value = shape === "array" ? form.getlist(alias) : (form.get(alias) ?? undefined);
    const given = present(value) !== undefined && (isModel || value !== "") ? value : undefined;
    const found = orDefault(given, fallback);
    if (found !== undefined) setValue(values, alias, found);
  }
  for (const key of form.keys()) {
    if (aliases.has(key)) continue;
    const all = form.getlist(key);
    setValue(values, key, all.length === 1 ? all[0] : all);
  }
  return values;
}

/** FastAPI's request_body_to_args. */
export function bodyToArgs(into: Collected, fields: readonly ParamField[], body: ReceivedBody, embed: boolean): void {
  const first = fields[0];
  const single = fields.length === 1 && !embed;
  let value = body;
  if (body instanceof FormData) {
    const isModel = single && first.field?.shape === "object";
    const shapes: readonly PropertyShape[] = isModel
      ? propertyShapes(first.field as NonNullable<ParamField["field"]>)
      : fields.map((pf) => [pf.alias, (pf.info as params.File).options.multiple || pf.field?.shape === "array" ? "array" : "scalar", undefined]);
    value = formValues(shapes, body, isModel);
  }
  if (single) {
    // A lone body that is not embedded: a JSON body, or a form read whole as a model (never a file).
    validateInto(into, first, value === null ? undefined : value, ["body"], body instanceof FormData);
    return;
  }
  const isObject = value !== null && typeof value === "object" && !Array.isArray(value);
  for (const pf of fields) {
    const loc = ["body", pf.alias];
    if (value !== null && value !== undefined && typeof value !== "string" && !isObject) {
      // A list or a scalar where an object with the fields was expected: each one is missing.
      pushErrors(into, [missingError(loc)]);
      continue;
    }
    const own = isObject && Object.hasOwn(value as object, pf.alias) ? (value as Record<string, unknown>)[pf.alias] : undefined;
    if (pf.field === null) fileValue(into, pf, own, loc);
    else validateInto(into, pf, own === null ? undefined : own, loc, body instanceof FormData);
  }
}
