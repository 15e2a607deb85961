// Port of fastapi/dependencies/models.py: the analysed shape of one path operation or
// dependency, made once at registration and walked on every request.
import type { ErrorDetails, Loc } from "../_compat/errors.js";
import type { ModelField } from "../_compat/model_field.js";
import type { Body, DependencyCall, DependencyObject, Param } from "../params.js";

/** One declared value: where it is read (`alias` under `location`) and how it is validated. */
export interface ParamField {
  /** The key in `params`, and so in the handler's argument. */
  readonly name: string;
  /** The name on the wire: query key, header name (hyphens for underscores), form field, body key. */
  readonly alias: string;
  readonly info: Param | Body;
  /** The validator's field; null for files, which the layer checks itself. */
  readonly field: ModelField | null;
  /** FastAPI's keyword constraints (ge, maxLength...), checked on the validated value; null when none. */
  readonly constraints: ((value: unknown, loc: Loc) => ErrorDetails[]) | null;
}

export class Dependant {
  readonly pathParams: ParamField[] = [];
  readonly queryParams: ParamField[] = [];
  readonly headerParams: ParamField[] = [];
  readonly cookieParams: ParamField[] = [];
  readonly bodyParams: ParamField[] = [];
  readonly dependencies: Dependant[] = [];
  requestParamName: string | null = null;
  websocketParamName: string | null = null;
  httpConnectionParamName: string | null = null;
  responseParamName: string | null = null;
  backgroundTasksParamName: string | null = null;
  securityScopesParamName: string | null = null;
  /** Calls `call` with the values: a function called, a class constructed, an object's `call` method called. */
  readonly invoke: (values: Record<string, unknown>) => unknown;
  /** "async" for an async generator function, "sync" for a generator function, null otherwise. */
  readonly generator: "async" | "sync" | null;

  constructor(
    /** The function (or class) to call; null for a path operation's handler made elsewhere. */
    readonly call: DependencyCall,
    /** The key under which the parent receives this dependency's value; null for the endpoint and for `dependencies: [...]`. */
    readonly name: string | null,
    readonly path: string,
    readonly useCache: boolean = true,
    readonly scope: "function" | "request" | null = null,
    readonly ownOauthScopes: readonly string[] = [],
    readonly parentOauthScopes: readonly string[] = [],
  ) {
    const fn = typeof call === "function" ? call : (call as DependencyObject).call;
    this.invoke = isClass(call)
      ? (values) => new (call as unknown as new (values: Record<string, unknown>) => unknown)(values)
      : typeof call === "function"
        ? (call as (values: Record<string, unknown>) => unknown)
        : (values) => (call as DependencyObject).call(values as never);
    const kind = (fn as { constructor?: { name?: string } }).constructor?.name;
    this.generator = kind === "AsyncGeneratorFunction" ? "async" : kind === "GeneratorFunction" ? "sync" : null;
  }

  /** Every scope asked for by this dependency and those above it, in order, without repeats. */
  get oauthScopes(): string[] {
    const scopes = [...this.parentOauthScopes];
    for (const scope of this.ownOauthScopes) if (!scopes.includes(scope)) scopes.push(scope);
    return scopes;
  }
}

export function isClass(fn: unknown): boolean {
  return typeof fn === "function" && /^class[\s{]/.test(Function.prototype.toString.call(fn));
}

/** Every body parameter of a dependant and its dependencies, depth first (FastAPI's _get_flat_body_params). */
export function flatBodyParams(dependant: Dependant): ParamField[] {
  const out: ParamField[] = [];
  const stack = [dependant];
  while (stack.length) {
    const current = stack.pop() as Dependant;
    out.push(...current.bodyParams);
    stack.push(...[...current.dependencies].reverse());
  }
  return out;
}

