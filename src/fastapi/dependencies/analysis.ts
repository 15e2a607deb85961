// The analysing half of fastapi/dependencies/utils.py: get_dependant() and its helpers turn a
// path operation's (or dependency's) declared params into a Dependant, once, at registration.
import assert from "node:assert";
import { inspect } from "node:util";
import { BackgroundTasks } from "../../background.js";
import { UploadFile } from "../../datastructures.js";
import { HTTPConnection, Request } from "../../requests.js";
import { Response } from "../../responses.js";
import { WebSocket } from "../../websockets.js";
import { compileConstraints } from "../_compat/constraints.js";
import { ModelField } from "../_compat/model_field.js";
import { DependencyScopeError } from "../exceptions.js";
import * as params from "../params.js";
import { SecurityScopes } from "../security/oauth2.js";
import { Dependant, type ParamField } from "./models.js";

/** The names between braces in a path: `{item_id}`, `{file_path:path}`. */
export function getPathParamNames(path: string): Set<string> {
  return new Set([...path.matchAll(/{([^}:]*)(?::[^}]*)?}/g)].map((m) => m[1]));
}

function isSubclass(value: unknown, cls: abstract new (...args: never[]) => unknown): boolean {
  return value === cls || (typeof value === "function" && value.prototype instanceof cls);
}

// `file: UploadFile` in Python: a required upload.
const UPLOAD: params.FileOptions = { as: "upload" };

export interface DependantOptions {
  name?: string | null;
  useCache?: boolean;
  scope?: "function" | "request" | null;
  ownOauthScopes?: readonly string[];
  parentOauthScopes?: readonly string[];
}

/** FastAPI's get_dependant: one Dependant for `call` and the params it declares. */
export function getDependant(path: string, call: params.DependencyCall, given: Record<string, unknown>, options: DependantOptions = {}): Dependant {
  // A dependency object declares its own params; a function's come with its Depends().
  const declared = typeof call === "function" ? given : (call.params ?? given);
  const dependant = new Dependant(
    call,
    options.name ?? null,
    path,
    options.useCache ?? true,
    options.scope ?? null,
    options.ownOauthScopes ?? [],
    options.parentOauthScopes ?? [],
  );
  const currentScopes = [...dependant.parentOauthScopes, ...dependant.ownOauthScopes];
  const pathParamNames = getPathParamNames(path);
  // Own keys only: a declaration object made with a prototype must not bring inherited ones.
  for (const name of Object.keys(declared)) {
    const spec = declared[name];
    if (spec instanceof params.Depends) {
      if (dependant.generator && computedScope(dependant) === "request" && spec.scope === "function") {
        throw new DependencyScopeError(
          `The dependency "${callName(call)}" has a scope of "request", it cannot depend on dependencies with scope "function".`,
        );
      }
      dependant.dependencies.push(
        getDependant(path, spec.dependency, spec.params, {
          name,
          useCache: spec.useCache,
          scope: spec.scope,
          ownOauthScopes: spec instanceof params.Security ? spec.scopes : [],
          parentOauthScopes: currentScopes,
        }),
      );
    } else if (!addNonFieldParam(dependant, name, spec)) {
      const info = spec === UploadFile ? new params.File(null, UPLOAD) : spec;
      if (!(info instanceof params.FieldInfo)) throw new TypeError(badParamMessage(name, spec));
      addField(dependant, name, info as params.Param | params.Body, pathParamNames.has(name));
    }
  }
  return dependant;
}

function addNonFieldParam(dependant: Dependant, name: string, spec: unknown): boolean {
  if (isSubclass(spec, Request)) dependant.requestParamName = name;
  else if (isSubclass(spec, WebSocket)) dependant.websocketParamName = name;
  else if (isSubclass(spec, HTTPConnection)) dependant.httpConnectionParamName = name;
  else if (isSubclass(spec, Response)) dependant.responseParamName = name;
  else if (isSubclass(spec, BackgroundTasks)) dependant.backgroundTasksParamName = name;
  else if (isSubclass(spec, SecurityScopes)) dependant.securityScopesParamName = name;
  else return false;
  return true;
}

function addField(dependant: Dependant, name: string, info: params.Param | params.Body, isPathParam: boolean): void {
  if (isPathParam && !(info instanceof params.Path)) {
    throw new TypeError(`Cannot use \`${info.constructor.name}\` for path param '${name}'`);
  }
  const standard = info.schema === null ? null : (info.schema as { "~standard"?: { validate?: unknown } })["~standard"];
  if (standard !== null && typeof standard?.validate !== "function") {
    throw new TypeError(
      `params.${name}: ${info.constructor.name}() needs a validator that implements Standard Schema (zod, valibot, arktype...), ` +
        `got ${inspect(info.schema, { depth: 1 })}` +
        (Array.isArray(info.schema) ? " (an arktype default is a tuple: declare it in an object, or use .optional())" : ""),
    );
  }
  const convert = info instanceof params.Header && info.options.convertUnderscores !== false;
  const alias = info.options.alias ?? (convert ? name.replaceAll("_", "-") : name);
  const field: ParamField = {
    name,
    alias,
    info,
    field: info.schema === null ? null : new ModelField(info.schema, { name }),
    constraints: compileConstraints(info.options),
  };
  if (isPathParam) {
    const shape = (field.field as ModelField).shape;
    assert(shape !== "array" && shape !== "object", "Path params must be of one of the supported types");
  }
  if (info instanceof params.Body) dependant.bodyParams.push(field);
  else if (info.in === params.ParamTypes.path) dependant.pathParams.push(field);
  else if (info.in === params.ParamTypes.query) dependant.queryParams.push(field);
  else if (info.in === params.ParamTypes.header) dependant.headerParams.push(field);
  else dependant.cookieParams.push(field);
}

/** When a generator dependency's exit code runs: its own scope, else "request" for generators. */
export function computedScope(dependant: Dependant): "function" | "request" | null {
  return dependant.scope ?? (dependant.generator ? "request" : null);
}

export function callName(call: unknown): string {
  return (call as { name?: string }).name || "<unnamed_callable>";
}

function badParamMessage(name: string, spec: unknown): string {
  return (
    `params.${name} must be a declaration (Path(), Query(), Header(), Cookie(), Body(), Form(), File(), Depends()) ` +
    `or one of Request, WebSocket, HTTPConnection, Response, BackgroundTasks, SecurityScopes, UploadFile; got ${inspect(spec, { depth: 0 })}`
  );
}

/** The endpoint's Dependant with the path operation's `dependencies: [...]` first, as FastAPI builds it. */
export function endpointDependant(path: string, call: params.DependencyCall, declared: Record<string, unknown>, dependencies: readonly params.Depends[]): Dependant {
  const dependant = getDependant(path, call, declared, { scope: "function" });
  const parameterless = dependencies.map((depends) =>
    getDependant(path, depends.dependency, depends.params, {
      useCache: depends.useCache,
      scope: depends.scope,
      ownOauthScopes: depends instanceof params.Security ? depends.scopes : [],
    }),
  );
  dependant.dependencies.unshift(...parameterless);
  return dependant;
}

/** FastAPI's _should_embed_body_fields. */
export function shouldEmbedBodyFields(fields: readonly ParamField[]): boolean {
  if (fields.length === 0) return false;
  if (new Set(fields.map((f) => f.name)).size > 1) return true;
  const first = fields[0].info as params.Body;
  if (first.embed) return true;
  // A lone form field is embedded unless it is a model (an object schema) read from the whole form.
  return first instanceof params.Form && fields[0].field?.shape !== "object";
}
