// The resolving half of fastapi/dependencies/utils.py: solve_dependencies, run for every
// request over the Dependant that analysis.ts made at registration.
import { BackgroundTasks } from "../../background.js";
import type { Request } from "../../requests.js";
import { Response } from "../../responses.js";
import { WebSocket } from "../../websockets.js";
import type { ErrorDetails } from "../_compat/errors.js";
import { AsyncExitStack, enterGenerator } from "../_exit_stack.js";
import * as params from "../params.js";
import { SecurityScopes } from "../security/oauth2.js";
import { computedScope, getDependant } from "./analysis.js";
import { bodyToArgs, collected, finish, paramsToArgs, setValue, type Collected, type ReceivedBody } from "./extract.js";
import type { Dependant } from "./models.js";

/** `app.dependencyOverrides`: a function (called with no params) or a `Depends(fn, { params })`. */
export type DependencyOverrides = Map<unknown, params.DependencyCall | params.Depends>;

/** Everything one request's resolution shares. */
export interface SolveContext {
  /** The connection: the Request, or the WebSocket of a websocket route. */
  readonly request: Request | WebSocket;
  /** The temporal response: headers, cookies and status set by the handler and dependencies; made when first declared. */
  response: Response | null;
  backgroundTasks: BackgroundTasks | null;
  readonly body: ReceivedBody;
  readonly embedBodyFields: boolean;
  readonly overrides: DependencyOverrides | null;
  /** Generator dependencies' exits: after the response ("request") and before it ("function"). */
  readonly requestStack: AsyncExitStack | null;
  readonly functionStack: AsyncExitStack | null;
  /** Per-request cache: call, then scopes and scope, to the value; made at the first dependency. */
  cache: Map<unknown, Map<string, unknown>> | null;
}

export interface Solved {
  values: Record<string, unknown>;
  errors: ErrorDetails[];
}

// An override's analysis is made once per override and parent, as FastAPI makes it per request.
const overrideDependants = new WeakMap<Dependant, Map<unknown, Dependant>>();

function overriding(sub: Dependant, override: params.DependencyCall | params.Depends): Dependant {
  let made = overrideDependants.get(sub);
  if (made === undefined) overrideDependants.set(sub, (made = new Map()));
  let dependant = made.get(override);
  if (dependant === undefined) {
    const [call, declared] = override instanceof params.Depends ? [override.dependency, override.params] : [override, {}];
    dependant = getDependant(sub.path, call, declared, { name: sub.name, parentOauthScopes: sub.oauthScopes, scope: sub.scope });
    made.set(override, dependant);
  }
  return dependant;
}

function cacheKey(dependant: Dependant): string {
  const scopes = usesScopes(dependant) ? [...new Set(dependant.oauthScopes)].sort().join(" ") : "";
  return `${scopes}|${computedScope(dependant) ?? ""}`;
}

const scopeUse = new WeakMap<Dependant, boolean>();

function usesScopes(dependant: Dependant): boolean {
  let uses = scopeUse.get(dependant);
  if (uses === undefined) {
    uses = dependant.ownOauthScopes.length > 0 || dependant.securityScopesParamName !== null || dependant.dependencies.some(usesScopes);
    scopeUse.set(dependant, uses);
  }
  return uses;
}

async function solveSub(ctx: SolveContext, sub: Dependant, into: Solved): Promise<void> {
  const override = ctx.overrides?.get(sub.call);
  const use = override === undefined ? sub : overriding(sub, override);
  const solved = await solveDependencies(ctx, use);
  if (solved.errors.length) {
    into.errors.push(...solved.errors);
    return;
  }
  const key = cacheKey(sub);
  const cache = (ctx.cache ??= new Map());
  let cached = cache.get(sub.call);
  let value: unknown;
  if (sub.useCache && cached?.has(key)) {
    value = cached.get(key);
  } else if (use.generator) {
    const stack = sub.scope === "function" ? ctx.functionStack : ctx.requestStack;
    value = await enterGenerator(stack as AsyncExitStack, use.invoke(solved.values) as AsyncGenerator<unknown>);
  } else {
    value = await use.invoke(solved.values);
  }
  if (sub.name !== null) setValue(into.values, sub.name, value);
  if (cached === undefined) cache.set(sub.call, (cached = new Map()));
  if (!cached.has(key)) cached.set(key, value);
}

/**
 * FastAPI's solve_dependencies: the values for `dependant`'s params, or every error found.
 * Synchronous when it can be (no dependency, no async validator): this runs on every request.
 */
export function solveDependencies(ctx: SolveContext, dependant: Dependant): Solved | Promise<Solved> {
  if (dependant.dependencies.length) return solveWithDependencies(ctx, dependant);
  const into = collected();
  extract(ctx, dependant, into);
  const pending = finish(into);
  return pending ? pending.then(() => inject(ctx, dependant, into)) : inject(ctx, dependant, into);
}

async function solveWithDependencies(ctx: SolveContext, dependant: Dependant): Promise<Solved> {
  const into = collected();
  for (const sub of dependant.dependencies) await solveSub(ctx, sub, into);
  extract(ctx, dependant, into);
  await finish(into);
  return inject(ctx, dependant, into);
}

function extract(ctx: SolveContext, dependant: Dependant, into: Collected): void {
  const { request } = ctx;
  paramsToArgs(into, dependant.pathParams, "path", request);
  paramsToArgs(into, dependant.queryParams, "query", request);
  paramsToArgs(into, dependant.headerParams, "header", request);
  paramsToArgs(into, dependant.cookieParams, "cookie", request);
  if (dependant.bodyParams.length) bodyToArgs(into, dependant.bodyParams, ctx.body, ctx.embedBodyFields);
}

/** The injected classes: request or websocket, background tasks, the temporal response, security scopes. */
function inject(ctx: SolveContext, dependant: Dependant, into: Collected): Solved {
  const values = into.values;
  const conn = ctx.request;
  // As FastAPI: a Request param gets the request only, a WebSocket param the websocket only.
  if (conn instanceof WebSocket) {
    if (dependant.websocketParamName !== null) setValue(values, dependant.websocketParamName, conn);
  } else if (dependant.requestParamName !== null) setValue(values, dependant.requestParamName, conn);
  if (dependant.httpConnectionParamName !== null) setValue(values, dependant.httpConnectionParamName, ctx.request);
  if (dependant.backgroundTasksParamName !== null) setValue(values, dependant.backgroundTasksParamName, (ctx.backgroundTasks ??= new BackgroundTasks()));
  if (dependant.responseParamName !== null) setValue(values, dependant.responseParamName, (ctx.response ??= temporalResponse()));
  if (dependant.securityScopesParamName !== null) setValue(values, dependant.securityScopesParamName, new SecurityScopes(dependant.oauthScopes));
  return into;
}

/** FastAPI's temporal response: no status (Python's None, 0 here) and no headers until the handler sets them. */
function temporalResponse(): Response {
  const response = new Response();
  response.statusCode = 0;
  response.rawHeaders.length = 0;
  return response;
}

/** Whether a dependant or any of its dependencies is a generator (its exits need the stacks). */
export function hasGenerators(dependant: Dependant): boolean {
  return dependant.generator !== null || dependant.dependencies.some(hasGenerators);
}
