// Port of fastapi/openapi/utils.py: the OpenAPI document of an app's path operations.
import { RedirectResponse, JSONResponse } from "../../responses.js";
import type { BaseRoute } from "../../routing.js";
import type { ResponseClass } from "../_route_handler.js";
import { computedScope } from "../dependencies/analysis.js";
import type { Dependant, ParamField } from "../dependencies/models.js";
import * as params from "../params.js";
import { APIRoute, effectiveRoutes } from "../routing.js";
import { SecurityBase } from "../security/base.js";
import { deepDictUpdate, isBodyAllowedForStatusCode, pythonName, pythonTitle } from "../utils.js";
import { METHODS_WITH_BODY, REF_PREFIX } from "./constants.js";
import { dumpOpenapi, setKeyOrder, withOrderOf, type Contact, type ExternalDocumentation, type License, type OpenAPI, type Operation, type Parameter, type PathItem, type RequestBody, type Server, type Tag } from "./models.js";
import { SchemaRegistry, fieldTitle, isRefish, warnings, withFieldOptions } from "./schemas.js";

type Json = Record<string, unknown>;

export const validationErrorDefinition = {
  title: "ValidationError",
  type: "object",
  properties: {
    loc: { title: "Location", type: "array", items: { anyOf: [{ type: "string" }, { type: "integer" }] } },
    msg: { title: "Message", type: "string" },
    type: { title: "Error Type", type: "string" },
    input: { title: "Input" },
    ctx: { title: "Context", type: "object" },
  },
  required: ["loc", "msg", "type"],
};

export const validationErrorResponseDefinition = {
  title: "HTTPValidationError",
  type: "object",
  properties: { detail: { title: "Detail", type: "array", items: { $ref: REF_PREFIX + "ValidationError" } } },
};

export const statusCodeRanges: Readonly<Record<string, string>> = {
  "1XX": "Information",
  "2XX": "Success",
  "3XX": "Redirection",
  "4XX": "Client Error",
  "5XX": "Server Error",
  DEFAULT: "Default Response",
};

// Python 3.11's http.client.responses (the reference stack's): the description of a response without one.
const STATUS_TEXT: Readonly<Record<string, string>> = {
  100: "Continue", 101: "Switching Protocols", 102: "Processing", 103: "Early Hints", 200: "OK", 201: "Created", 202: "Accepted",
  203: "Non-Authoritative Information", 204: "No Content", 205: "Reset Content", 206: "Partial Content", 207: "Multi-Status",
  208: "Already Reported", 226: "IM Used", 300: "Multiple Choices", 301: "Moved Permanently", 302: "Found", 303: "See Other",
  304: "Not Modified", 305: "Use Proxy", 307: "Temporary Redirect", 308: "Permanent Redirect", 400: "Bad Request", 401: "Unauthorized",
  402: "Payment Required", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed", 406: "Not Acceptable",
  407: "Proxy Authentication Required", 408: "Request Timeout", 409: "Conflict", 410: "Gone", 411: "Length Required",
  412: "Precondition Failed", 413: "Request Entity Too Large", 414: "Request-URI Too Long", 415: "Unsupported Media Type",
  416: "Requested Range Not Satisfiable", 417: "Expectation Failed", 418: "I'm a Teapot", 421: "Misdirected Request",
  422: "Unprocessable Entity", 423: "Locked", 424: "Failed Dependency", 425: "Too Early", 426: "Upgrade Required",
  428: "Precondition Required", 429: "Too Many Requests", 431: "Request Header Fields Too Large", 451: "Unavailable For Legal Reasons",
  500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout",
  505: "HTTP Version Not Supported", 506: "Variant Also Negotiates", 507: "Insufficient Storage", 508: "Loop Detected",
  510: "Not Extended", 511: "Network Authentication Required",
};

// fastapi/sse.py's _SSE_EVENT_SCHEMA: each item of a text/event-stream response.
const SSE_EVENT_SCHEMA = {
  type: "object",
  properties: { data: { type: "string" }, event: { type: "string" }, id: { type: "string" }, retry: { type: "integer", minimum: 0 } },
};

const FILE_SCHEMA = { type: "string", contentMediaType: "application/octet-stream" };

function isSubclass(value: unknown, cls: abstract new (...args: never[]) => unknown): boolean {
  return value === cls || (typeof value === "function" && value.prototype instanceof cls);
}

/** A response class's `media_type` (its default media type). */
function mediaTypeOf(cls: ResponseClass): string | null {
  return (cls.prototype as unknown as { defaultMediaType(): string | null }).defaultMediaType();
}

/** A copy of JSON-like data (FastAPI deep-copies what it merges). */
function copyJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyJson) as T;
  if (typeof value !== "object" || value === null || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) Object.defineProperty(out, k, { value: copyJson(v), enumerable: true, writable: true, configurable: true });
  return withOrderOf(value, out) as T;
}

const isDict = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

function setDefault(target: Json, key: string): Json {
  const current = target[key];
  if (isDict(current)) return current;
  const made: Json = {};
  target[key] = made;
  return made;
}

// ---------------------------------------------------------------- dependencies

interface DependencyData {
  pathParams: ParamField[];
  queryParams: ParamField[];
  headerParams: ParamField[];
  cookieParams: ParamField[];
  securityDependencies: Array<[Dependant, string[]]>;
}

const usesScopesCache = new WeakMap<Dependant, boolean>();

function usesScopes(dependant: Dependant): boolean {
  let uses = usesScopesCache.get(dependant);
  if (uses === undefined) {
    uses =
      dependant.ownOauthScopes.length > 0 || dependant.securityScopesParamName !== null || dependant.call instanceof SecurityBase || dependant.dependencies.some(usesScopes);
    usesScopesCache.set(dependant, uses);
  }
  return uses;
}

/** FastAPI's _get_cache_key, as text beside the call: a dependency met twice with the same key is documented once. */
function cacheKey(dependant: Dependant): string {
  const scopes = usesScopes(dependant) ? [...new Set(dependant.oauthScopes)].sort().join(" ") : "";
  return `${scopes}|${computedScope(dependant) ?? ""}`;
}

/** FastAPI's _get_openapi_dependency_data: the params and security schemes of a dependant and its dependencies. */
function dependencyData(dependant: Dependant): DependencyData {
  if (dependant.dependencies.length === 0) {
    // No dependencies: the route's own params (read, never changed, by the caller).
    const { pathParams, queryParams, headerParams, cookieParams } = dependant;
    return { pathParams, queryParams, headerParams, cookieParams, securityDependencies: [] };
  }
  const data: DependencyData = { pathParams: [], queryParams: [], headerParams: [], cookieParams: [], securityDependencies: [] };
  const visited = new Map<unknown, Set<string>>();
  const stack: Array<[Dependant, string[], boolean]> = [[dependant, [], true]];
  while (stack.length > 0) {
    const [current, parentScopes, isRoot] = stack.pop() as [Dependant, string[], boolean];
    const key = cacheKey(current);
    let keys = visited.get(current.call);
    if (keys === undefined) visited.set(current.call, (keys = new Set()));
    if (keys.has(key)) continue;
    keys.add(key);
    data.pathParams.push(...current.pathParams);
    data.queryParams.push(...current.queryParams);
    data.headerParams.push(...current.headerParams);
    data.cookieParams.push(...current.cookieParams);
    const scopes = [...parentScopes];
    for (const scope of current.oauthScopes) if (!scopes.includes(scope)) scopes.push(scope);
    if (!isRoot && current.call instanceof SecurityBase) data.securityDependencies.push([current, scopes]);
    for (const sub of [...current.dependencies].reverse()) stack.push([sub, scopes, false]);
  }
  return data;
}

/** FastAPI's _get_openapi_security_definitions: the schemes, and the operation's requirements with their scopes merged. */
function securityDefinitions(dependencies: Array<[Dependant, string[]]>): [Json, Array<Record<string, string[]>>] {
  const definitions: Json = {};
  const operation = new Map<string, string[]>();
  for (const [dependency, scopes] of dependencies) {
    const scheme = dependency.call as SecurityBase;
    definitions[scheme.schemeName] = scheme.model;
    let merged = operation.get(scheme.schemeName);
    if (merged === undefined) operation.set(scheme.schemeName, (merged = []));
    for (const scope of scopes) if (!merged.includes(scope)) merged.push(scope);
  }
  return [definitions, [...operation].map(([name, scopes]) => ({ [name]: scopes }))];
}

// ---------------------------------------------------------------- params

/** One documented param: a declared one, or a field of a model of params. */
interface FlatParam {
  readonly name: string;
  readonly in: params.ParamTypes;
  readonly required: boolean;
  readonly schema: Json;
  readonly options: params.FieldOptions;
}

/** The route as errors and warnings name it ("GET /items/{id}"). */
type Where = string;

/** FastAPI's _get_flat_fields_from_params and _get_openapi_operation_parameters, for one kind of param. */
function flatParams(registry: SchemaRegistry, group: ParamField[], kind: params.ParamTypes, where: Where): FlatParam[] {
  if (group.length === 0) return [];
  const first = group[0];
  if (group.length === 1 && first.field !== null && first.field.shape === "object") {
    // A model of params: each of its fields is a param.
    const convert = kind === params.ParamTypes.header && (first.info as params.Header).options.convertUnderscores !== false;
    const { properties, required } = registry.propertiesOf(first.field, `${where} param "${first.name}"`);
    return Object.entries(properties).map(([key, schema]) => ({
      name: convert ? key.replaceAll("_", "-") : key,
      in: kind,
      required: required.has(key),
      schema: typeof schema.$ref === "string" ? schema : { ...schema, title: typeof schema.title === "string" ? schema.title : fieldTitle(key) },
      options: { description: typeof schema.description === "string" ? schema.description : undefined, deprecated: schema.deprecated === true },
    }));
  }
  return group.map((pf) => {
    const options = pf.info.options;
    let name = options.alias ?? pf.name;
    if (kind === params.ParamTypes.header && name === pf.name && (options as params.HeaderOptions).convertUnderscores !== false) name = name.replaceAll("_", "-");
    const field = pf.field as NonNullable<ParamField["field"]>;
    return {
      name,
      in: kind,
      // A path param is always required, whatever its schema says of undefined.
      required: kind === params.ParamTypes.path || field.required,
      // Made even for a param left out of the document: FastAPI's components include its models.
      schema: registry.schemaOf(field, "validation", `${where} param "${pf.name}"`, fieldTitle(pf.alias), options),
      options,
    };
  });
}

function parameterOf(p: FlatParam): Parameter {
  const parameter: Parameter = { name: p.name, in: p.in, required: p.required, schema: p.schema };
  if (p.options.description) parameter.description = p.options.description;
  if (p.options.openapiExamples !== undefined && Object.keys(p.options.openapiExamples).length > 0) parameter.examples = copyJson(p.options.openapiExamples);
  if (p.options.deprecated) parameter.deprecated = true;
  return parameter;
}

// ---------------------------------------------------------------- request body

// A lone body param that is not embedded is a JSON body or a form model (files are always embedded).
const DEFAULT_MEDIA = (info: params.Body): string => (info instanceof params.Form ? "application/x-www-form-urlencoded" : "application/json");

/** A File() param's schema: binary content, a list of them, or null. */
function fileSchema(options: params.FileOptions): Json {
  const one = options.multiple ? { type: "array", items: { ...FILE_SCHEMA } } : { ...FILE_SCHEMA };
  return options.optional ? { anyOf: [one, { type: "null" }] } : one;
}

function bodyParamSchema(registry: SchemaRegistry, pf: ParamField, where: Where): { schema: Json; required: boolean } {
  const options = pf.info.options;
  if (pf.field === null) return { schema: withFieldOptions(fileSchema(options as params.FileOptions), options), required: !(options as params.FileOptions).optional };
  return { schema: registry.schemaOf(pf.field, "validation", `${where} param "${pf.name}"`, null, options), required: pf.field.required };
}

/** FastAPI's _get_body_field and get_openapi_operation_request_body. */
function requestBodyOf(registry: SchemaRegistry, route: APIRoute, where: Where): RequestBody | null {
  const fields = route.bodyParams;
  if (fields.length === 0) return null;
  const first = fields[0];
  let schema: Json;
  let required: boolean;
  let mediaType: string;
  let examples: Record<string, Record<string, unknown>> | undefined;
  if (!route.embedBodyFields) {
    ({ schema, required } = bodyParamSchema(registry, first, where));
    if (typeof schema.$ref !== "string" && typeof schema.title !== "string") schema = { ...schema, title: fieldTitle(first.alias) };
    mediaType = (first.info as params.Body).options.mediaType ?? DEFAULT_MEDIA(first.info as params.Body);
    examples = first.info.options.openapiExamples;
  } else {
    // The body as one model of the body params, named after the route (FastAPI's create_body_model).
    const properties: Json = {};
    const requiredNames: string[] = [];
    for (const pf of fields) {
      const one = bodyParamSchema(registry, pf, where);
      properties[pf.alias] = typeof one.schema.title === "string" || isRefish(one.schema) ? one.schema : { ...one.schema, title: fieldTitle(pf.alias).trim() };
      if (one.required) requiredNames.push(pf.alias);
    }
    const model: Json = { properties, type: "object" };
    if (requiredNames.length > 0) model.required = requiredNames;
    schema = registry.model(`Body_${route.uniqueId}`, model, "validation", `${where} body`);
    required = requiredNames.length > 0;
    const infos = fields.map((pf) => pf.info as params.Body);
    if (infos.some((i) => i instanceof params.File)) mediaType = "multipart/form-data";
    else if (infos.some((i) => i instanceof params.Form)) mediaType = "application/x-www-form-urlencoded";
    else {
      const types = new Set(infos.map((i) => i.options.mediaType ?? "application/json"));
      mediaType = types.size === 1 ? [...types][0] : "application/json";
    }
  }
  const content: Json = { schema };
  if (examples !== undefined && Object.keys(examples).length > 0) content.examples = copyJson(examples);
  const body: RequestBody = { content: { [mediaType]: content } };
  return required ? { required: true, ...body } : body;
}

// ---------------------------------------------------------------- operations

interface Build {
  readonly registry: SchemaRegistry;
  readonly operationIds: Set<string>;
  readonly securitySchemes: Json;
}

function describeRoute(route: APIRoute): string {
  return `${[...route.methods].join(", ")} ${route.path}`;
}

const summaries = new Map<string, string>();

/** The summary FastAPI makes of a handler's name: `readItem` -> "Read Item". */
function summaryOf(name: string): string {
  let summary = summaries.get(name);
  if (summary === undefined) {
    summary = pythonTitle(pythonName(name).replaceAll("_", " "));
    // An app's handler names, a few hundred: kept for the next document.
    if (summaries.size < 10_000) summaries.set(name, summary);
  }
  return summary;
}

/** FastAPI's get_openapi_operation_metadata. */
function operationMetadata(build: Build, route: APIRoute): Operation {
  const operation: Operation = {};
  if (route.tags.length > 0) operation.tags = [...route.tags];
  operation.summary = route.summary || summaryOf(route.name);
  if (route.description) operation.description = route.description;
  const operationId = route.operationId || route.uniqueId;
  if (build.operationIds.has(operationId)) {
    const endpointName = (route.endpoint as { name?: string }).name || "<lambda>";
    warnings.warn(`Duplicate Operation ID ${operationId} for function ${endpointName}`);
  }
  build.operationIds.add(operationId);
  operation.operationId = operationId;
  if (route.deprecated) operation.deprecated = route.deprecated;
  return operation;
}

/** FastAPI's get_openapi_path: one path item (every method of the route), adding security schemes as it goes. */
function openapiPath(build: Build, route: APIRoute): PathItem {
  const path: PathItem = {};
  if (!route.includeInSchema) return path;
  const registry = build.registry;
  const where: Where = describeRoute(route);
  const responseClass = route.responseClass ?? JSONResponse;
  const routeMediaType = mediaTypeOf(responseClass);
  const data = dependencyData(route.dependant);
  const groups: Array<[params.ParamTypes, ParamField[]]> = [
    [params.ParamTypes.path, data.pathParams],
    [params.ParamTypes.query, data.queryParams],
    [params.ParamTypes.header, data.headerParams],
    [params.ParamTypes.cookie, data.cookieParams],
  ];
  const flat = groups.flatMap(([kind, group]) => flatParams(registry, group, kind, where));
  const documented = flat.filter((p) => p.options.includeInSchema !== false).map(parameterOf);
  const requestBody = requestBodyOf(registry, route, where);
  const [definitions, operationSecurity] = securityDefinitions(data.securityDependencies);
  for (const method of route.methods) {
    const operation = operationMetadata(build, route);
    if (operationSecurity.length > 0) operation.security = operationSecurity;
    Object.assign(build.securitySchemes, definitions);
    if (documented.length > 0) {
      // A required declaration of a param wins over an optional one of the same name.
      const all = new Map<string, Parameter>();
      for (const p of documented) all.set(`${p.in}\u0000${p.name}`, p);
      for (const p of documented) if (p.required) all.set(`${p.in}\u0000${p.name}`, p);
      operation.parameters = [...all.values()];
    }
    if (METHODS_WITH_BODY.has(method) && requestBody !== null) operation.requestBody = requestBody;
    if (route.callbacks.length > 0) {
      const callbacks: Record<string, Record<string, PathItem>> = {};
      for (const callback of route.callbacks) {
        if (!(callback instanceof APIRoute)) continue;
        // Callbacks are keyed by their route's name: a second one of the same name replaces the first.
        const name = pythonName(callback.name);
        if (Object.hasOwn(callbacks, name)) warnings.warn(`Two callbacks of ${describeRoute(route)} are named "${name}": only ${describeRoute(callback)} is documented`);
        callbacks[name] = { [callback.path]: openapiPath({ ...build, securitySchemes: {} }, callback) };
      }
      operation.callbacks = callbacks;
    }
    const responses = responsesOf(registry, route, responseClass, routeMediaType, where);
    operation.responses = responses as Operation["responses"];
    if ((flat.length > 0 || route.bodyParams.length > 0) && !["422", "4XX", "default"].some((s) => Object.hasOwn(responses, s))) {
      responses["422"] = { description: "Validation Error", content: { "application/json": { schema: { $ref: REF_PREFIX + "HTTPValidationError" } } } };
      registry.fixed("ValidationError", validationErrorDefinition);
      registry.fixed("HTTPValidationError", validationErrorResponseDefinition);
    }
    // Merged into a copy: the operation shares its schemas with others.
    path[method.toLowerCase()] = route.openapiExtra === null ? operation : withExtra(operation, route.openapiExtra);
  }
  return path;
}

function withExtra(operation: Operation, extra: Json): Operation {
  const merged = copyJson(operation);
  deepDictUpdate(merged, copyJson(extra));
  return merged;
}

/** The route's responses: its own (status, description, model), then `responses` merged in. */
function responsesOf(registry: SchemaRegistry, route: APIRoute, responseClass: ResponseClass, routeMediaType: string | null, where: Where): Record<string, Json> {
  const responses: Record<string, Json> = {};
  const statusCode = route.statusCode !== null ? String(route.statusCode) : isSubclass(responseClass, RedirectResponse) ? "307" : "200";
  const own: Json = { description: route.responseDescription };
  responses[statusCode] = own;
  const order = [statusCode];
  if (isBodyAllowedForStatusCode(route.statusCode)) {
    const field = route.responseField;
    if (route.stream === "jsonl") {
      const itemSchema = field === null ? {} : registry.schemaOf(field, "serialization", `${where} response model`, () => fieldTitle(field.name as string));
      own.content = { "application/jsonl": { itemSchema } };
    } else if (route.stream === "sse") {
      const itemSchema: Json = copyJson(SSE_EVENT_SCHEMA);
      if (field !== null) {
        const contentSchema = registry.schemaOf(field, "serialization", `${where} response model`, () => fieldTitle(field.name as string));
        itemSchema.required = ["data"];
        (itemSchema.properties as Json).data = { type: "string", contentMediaType: "application/json", contentSchema };
      }
      own.content = { "text/event-stream": { itemSchema } };
    } else if (routeMediaType) {
      let schema: Json = { type: "string" };
      if (isSubclass(responseClass, JSONResponse)) {
        schema = field === null || route.stream !== null ? {} : registry.schemaOf(field, "serialization", `${where} response model`, () => fieldTitle(field.name as string));
      }
      own.content = { [routeMediaType]: { schema } };
    }
  }
  for (const [code, additional] of Object.entries(route.responses)) {
    const { model: _, ...rest } = additional;
    const processed = copyJson(rest);
    let key = code.toUpperCase();
    if (key === "DEFAULT") key = "default";
    // A copy: the merge below must not reach the schemas other operations share.
    const openapiResponse = (responses[key] = copyJson(responses[key] ?? {}));
    const field = Object.hasOwn(route.responseFields, code) ? route.responseFields[code] : undefined;
    if (field !== undefined) {
      const fieldSchema = registry.schemaOf(field, "serialization", `${where} responses[${code}].model`, () => fieldTitle(field.name as string));
      const target = setDefault(setDefault(setDefault(processed, "content"), routeMediaType ?? "application/json"), "schema");
      deepDictUpdate(target, fieldSchema);
    }
    const statusText = statusCodeRanges[code.toUpperCase()] ?? STATUS_TEXT[code];
    const description = processed.description || openapiResponse.description || statusText || "Additional Response";
    deepDictUpdate(openapiResponse, processed);
    openapiResponse.description = description;
    if (!order.includes(key)) order.push(key);
  }
  // FastAPI's order: the route's own status first, then the others as added (422 after them): a JS
  // object would write "200" before "204" whatever.
  setKeyOrder(responses, order);
  return responses;
}

// ---------------------------------------------------------------- the document

export interface GetOpenapiOptions {
  title: string;
  version: string;
  /** @default "3.1.0" */
  openapiVersion?: string;
  summary?: string | null;
  description?: string | null;
  routes: readonly BaseRoute[];
  webhooks?: readonly BaseRoute[] | null;
  tags?: Tag[] | null;
  servers?: Server[] | null;
  termsOfService?: string | null;
  contact?: Contact | null;
  licenseInfo?: License | null;
  /** @default true */
  separateInputOutputSchemas?: boolean;
  externalDocs?: ExternalDocumentation | null;
}

/** pydantic's AnyUrl, as FastAPI's models validate contact, license and externalDocs URLs: the WHATWG form. */
function anyUrl(url: unknown, where: string): string {
  try {
    return new URL(String(url)).href;
  } catch {
    throw new TypeError(`${where} must be a URL, got ${JSON.stringify(url)}`);
  }
}

function withUrl<T extends { url?: unknown }>(value: T, where: string): T {
  return value.url === undefined || value.url === null ? value : { ...value, url: anyUrl(value.url, where) };
}

function externalDocsOf(docs: ExternalDocumentation, where: string): ExternalDocumentation {
  return withUrl(docs, `${where}.url`);
}

/**
 * The OpenAPI document of `routes` (FastAPI's get_openapi): info, servers, paths and webhooks
 * with their operations, components (the models' schemas, the security schemes), tags.
 */
export function getOpenapi(options: GetOpenapiOptions): OpenAPI {
  const info: Json = { title: options.title, version: options.version };
  if (options.summary) info.summary = options.summary;
  if (options.description) info.description = options.description;
  if (options.termsOfService) info.termsOfService = options.termsOfService;
  if (options.contact) info.contact = withUrl(options.contact, "contact.url");
  if (options.licenseInfo) info.license = withUrl(options.licenseInfo, "licenseInfo.url");
  const output: Json = { openapi: options.openapiVersion ?? "3.1.0", info };
  if (options.servers && options.servers.length > 0) output.servers = options.servers;
  const registry = new SchemaRegistry(options.separateInputOutputSchemas ?? true);
  const build: Build = { registry, operationIds: new Set(), securitySchemes: {} };
  const section = (routes: readonly BaseRoute[]): Record<string, PathItem> => {
    const paths: Record<string, PathItem> = {};
    for (const route of effectiveRoutes(routes)) {
      if (!(route instanceof APIRoute)) continue;
      const path = openapiPath(build, route);
      if (Object.keys(path).length > 0) paths[route.compiled.format] = { ...paths[route.compiled.format], ...path };
    }
    return paths;
  };
  const paths = section(options.routes);
  const webhooks = section(options.webhooks ?? []);
  registry.finish();
  const components: Json = {};
  const sorts = new Map<object, string>();
  const schemas = registry.components(sorts);
  if (Object.keys(schemas).length > 0) components.schemas = schemas;
  if (Object.keys(build.securitySchemes).length > 0) components.securitySchemes = build.securitySchemes;
  if (Object.keys(components).length > 0) output.components = components;
  output.paths = paths;
  if (Object.keys(webhooks).length > 0) output.webhooks = webhooks;
  if (options.tags && options.tags.length > 0) output.tags = options.tags.map((tag, i) => (tag.externalDocs ? { ...tag, externalDocs: externalDocsOf(tag.externalDocs, `openapiTags[${i}].externalDocs`) } : tag));
  if (options.externalDocs) output.externalDocs = externalDocsOf(options.externalDocs, "openapiExternalDocs");
  return dumpOpenapi(output, (ref) => registry.ref(ref), sorts);
}
