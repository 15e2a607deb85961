// fastapi/routing.py's request_response and get_request_handler: read the body, solve the
// dependencies, run the handler, and turn what it returns (or yields) into a response.
import { runHandlingExceptions } from "../_exception_handler.js";
import type { BackgroundTasks } from "../background.js";
import { HTTPException } from "../exceptions.js";
import { Request } from "../requests.js";
import { JSONResponse, Response, StreamingResponse, type ResponseOptions } from "../responses.js";
import type { ASGIApp, Receive, Scope, Send } from "../types.js";
import { dumps } from "../itsdangerous/_json.js";
import type { ModelField } from "./_compat/model_field.js";
import { BodyDecodeError, JSONDecodeError, loadsBytes } from "./_compat/pyjson.js";
import { dumpModel, type DumpOptions } from "./_compat/serialize.js";
import { AsyncExitStack } from "./_exit_stack.js";
import type { Dependant } from "./dependencies/models.js";
import { solveDependencies, type DependencyOverrides, type Solved, type SolveContext } from "./dependencies/resolve.js";
import { jsonableEncoder } from "./encoders.js";
import { FastAPIError, RequestValidationError, ResponseValidationError, type EndpointContext } from "./exceptions.js";
import { isBodyAllowedForStatusCode } from "./utils.js";
import { EventSourceResponse, KEEPALIVE_COMMENT, _PING_INTERVAL, ServerSentEvent, encodeServerSentEvent, formatSseEvent } from "./sse.js";

/** A response class as a path operation's `responseClass`: built with the content and the options. */
export type ResponseClass = new (content: never, options?: ResponseOptions) => Response;

/** What the request handler needs of a route, worked out once at registration. */
export interface HandlerState {
  readonly dependant: Dependant;
  /** null without body params; else whether the body is a form. */
  readonly body: { readonly isForm: boolean } | null;
  readonly embedBodyFields: boolean;
  readonly statusCode: number | null;
  /** null: the default, JSONResponse. */
  readonly responseClass: ResponseClass | null;
  readonly responseField: ModelField | null;
  readonly dumpOptions: DumpOptions;
  /** "jsonl" or "sse" for a generator handler streaming its items; "raw" for one with its own response class. */
  readonly stream: "jsonl" | "sse" | "raw" | null;
  readonly strictContentType: boolean;
  /** The handler's name, for error messages. */
  readonly endpointFunction: string | undefined;
  /** Whether any dependency is a generator (its exits need the exit stacks). */
  readonly hasGenerators: boolean;
}

const RESPONSE_NOT_AWAITED =
  "Response not awaited. There's a high chance that the application code is raising an exception and a dependency with yield " +
  "has a block with a bare except, or a block with except Exception, and is not raising the exception again. Read more about it in the " +
  "docs: https://fastapi.tiangolo.com/tutorial/dependencies/dependencies-with-yield/#dependencies-with-yield-and-except";

interface AppWithOverrides {
  dependencyOverrides?: DependencyOverrides;
}

/** FastAPI's request_response: the handler inside the dependencies' exit stacks, and Starlette's exception handling. */
export function requestResponse(state: HandlerState): ASGIApp {
  return (scope, receive, send) => {
    const request = new Request(scope, receive, send);
    const overrides = (scope.app as AppWithOverrides | undefined)?.dependencyOverrides;
    const active = overrides !== undefined && overrides.size > 0 ? overrides : null;
    const app: ASGIApp =
      state.hasGenerators || active !== null
        ? (scope, receive, send) => withStacks(state, request, active, scope, receive, send)
        : (scope, receive, send) => {
            const response = handle(state, request, null, null, null);
            return response instanceof Promise ? response.then((r) => r.call(scope, receive, send)) : response.call(scope, receive, send);
          };
    return runHandlingExceptions(app, request, scope, receive, send);
  };
}

async function withStacks(state: HandlerState, request: Request, overrides: DependencyOverrides | null, scope: Scope, receive: Receive, send: Send): Promise<void> {
  const requestStack = new AsyncExitStack();
  let awaited = false;
  await requestStack.run(async () => {
    const functionStack = new AsyncExitStack();
    let response: Response | undefined;
    await functionStack.run(async () => {
      response = await handle(state, request, overrides, requestStack, functionStack);
    });
    // A dependency swallowed the handler's error: there is no response to send.
    if (response === undefined) throw new FastAPIError(RESPONSE_NOT_AWAITED);
    await response.call(scope, receive, send);
    awaited = true;
  });
  if (!awaited) throw new FastAPIError(RESPONSE_NOT_AWAITED);
}

// email.message's get_content_maintype()/subtype() for the body's content type: application/json or +json.
function isJsonContentType(value: string): boolean {
  if (value === "application/json") return true;
  const type = value.split(";", 1)[0].trim().toLowerCase();
  const slash = type.indexOf("/");
  if (slash < 0 || type.indexOf("/", slash + 1) >= 0 || type.slice(0, slash) !== "application") return false;
  const subtype = type.slice(slash + 1);
  return subtype === "json" || subtype.endsWith("+json");
}

/** The body as the resolver reads it: JSON, a form, text for other content types, or null when empty. */
async function readBody(state: HandlerState, request: Request): Promise<{ body: unknown; received: unknown }> {
  try {
    if ((state.body as { isForm: boolean }).isForm) {
      const form = await request.form();
      return { body: form, received: form };
    }
    const bytes = await request.body();
    if (bytes.byteLength === 0) return { body: null, received: null };
    const contentType = request.headers.get("content-type");
    if (contentType ? isJsonContentType(contentType) : !state.strictContentType) {
      const json = loadsBytes(bytes);
      return { body: json, received: json };
    }
    // Not JSON: FastAPI keeps the bytes; its errors show them decoded, as text does here.
    return { body: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8"), received: bytes };
  } catch (exc) {
    if (exc instanceof JSONDecodeError) {
      throw new RequestValidationError(
        [{ type: "json_invalid", loc: ["body", exc.pos], msg: "JSON decode error", input: {}, ctx: { error: exc.msg } }],
        exc.doc,
        endpointContext(state, request),
      );
    }
    if (exc instanceof HTTPException) throw exc;
    const error = new HTTPException(400, "There was an error parsing the body");
    error.cause = exc;
    throw error;
  }
}

const EMPTY_BODY = { body: null, received: null };

/**
 * FastAPI's get_request_handler(...)(request). In stages that go on at once when nothing is
 * pending (no body, no async validator or handler): this runs for every request, and each await
 * is a promise reaction more. A stage that throws at once is caught as a rejection is.
 */
function handle(
  state: HandlerState,
  request: Request,
  overrides: DependencyOverrides | null,
  requestStack: AsyncExitStack | null,
  functionStack: AsyncExitStack | null,
): Response | Promise<Response> {
  const solve = ({ body, received }: { body: unknown; received: unknown }): Response | Promise<Response> => {
    const ctx: SolveContext = {
      request,
      response: null,
      backgroundTasks: null,
      body,
      embedBodyFields: state.embedBodyFields,
      overrides,
      requestStack,
      functionStack,
      cache: null,
    };
    const solving = solveDependencies(ctx, state.dependant);
    return solving instanceof Promise ? solving.then((solved) => run(state, request, ctx, solved, received)) : run(state, request, ctx, solving, received);
  };
  return state.body === null ? solve(EMPTY_BODY) : readBody(state, request).then(solve);
}

/** The handler called with the solved values, and what it returns made a response. */
function run(state: HandlerState, request: Request, ctx: SolveContext, solved: Solved, received: unknown): Response | Promise<Response> {
  if (solved.errors.length) throw new RequestValidationError(solved.errors, received, endpointContext(state, request));
  const fn = state.dependant.invoke;
  if (state.stream !== null) return withTemporalHeaders(ctx, streamingResponse(state, request, fn(solved.values) as AnyGenerator, responseOptions(state, ctx)));
  const returned = fn(solved.values);
  return isThenable(returned) ? Promise.resolve(returned).then((raw) => respond(state, request, ctx, raw)) : respond(state, request, ctx, returned);
}

function respond(state: HandlerState, request: Request, ctx: SolveContext, raw: unknown): Response | Promise<Response> {
  if (raw instanceof Response) {
    raw.background ??= ctx.backgroundTasks;
    return raw;
  }
  if (state.responseField !== null) return serialize(state, request, raw).then((content) => build(state, ctx, content));
  return build(state, ctx, jsonableEncoder(raw));
}

function build(state: HandlerState, ctx: SolveContext, content: unknown): Response {
  const Class = (state.responseClass ?? JSONResponse) as new (content: unknown, options?: ResponseOptions) => Response;
  const response = new Class(content, responseOptions(state, ctx));
  if (!isBodyAllowedForStatusCode(response.statusCode)) response.body = new Uint8Array(0);
  return withTemporalHeaders(ctx, response);
}

/** The headers (cookies...) the handler set on the temporal response, after the response's own. */
function withTemporalHeaders(ctx: SolveContext, response: Response): Response {
  if (ctx.response !== null) response.rawHeaders.push(...ctx.response.rawHeaders);
  return response;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === "function";
}

/** FastAPI's endpoint_ctx, made only for an error: the handler's name, the method and the path with a mount's prefix. */
function endpointContext(state: HandlerState, request: Request): EndpointContext {
  const mountPath = (request.scope.root_path ?? "").replace(/\/+$/, "");
  return { function: state.endpointFunction, path: `${request.method} ${mountPath}${state.dependant.path}` };
}

/** FastAPI's _build_response_args: the status set on the temporal response wins, then the route's, then the class's own. */
function responseOptions(state: HandlerState, ctx: SolveContext): ResponseOptions {
  const options: ResponseOptions = { background: ctx.backgroundTasks };
  const status = ctx.response?.statusCode || state.statusCode;
  if (status) options.statusCode = status;
  return options;
}

/** FastAPI's serialize_response: validate against the response model, then make it JSON-able. */
async function serialize(state: HandlerState, request: Request, content: unknown): Promise<unknown> {
  const field = state.responseField as ModelField;
  const result = await field.validate(content, ["response"], false);
  if (result.errors) throw new ResponseValidationError(result.errors, content, endpointContext(state, request));
  return jsonableEncoder(dumpModel(field, result.value, content, state.dumpOptions));
}

type AnyGenerator = AsyncGenerator<unknown, unknown, unknown> | Generator<unknown, unknown, unknown>;

/** A stream item as JSON text: validated and dumped against the model, or Python's json.dumps of it. */
async function serializeItem(state: HandlerState, request: Request, item: unknown): Promise<string> {
  const field = state.responseField;
  if (field === null) return dumps(jsonableEncoder(item));
  const result = await field.validate(item, ["response"], false);
  if (result.errors) throw new ResponseValidationError(result.errors, item, endpointContext(state, request));
  return JSON.stringify(jsonableEncoder(dumpModel(field, result.value, item, state.dumpOptions)));
}

function streamingResponse(state: HandlerState, request: Request, generator: AnyGenerator, options: ResponseOptions): Response {
  if (state.stream === "jsonl") {
    return new StreamingResponse(jsonLines(state, request, generator), { ...options, mediaType: "application/jsonl" });
  }
  if (state.stream === "sse") {
    const response = new EventSourceResponse(withKeepalive(serverSentEvents(state, request, generator)), options);
    response.headers.set("cache-control", "no-cache");
    // For Nginx proxies not to buffer server-sent events.
    response.headers.set("x-accel-buffering", "no");
    return response;
  }
  const Class = state.responseClass as new (content: unknown, options?: ResponseOptions) => Response;
  return new Class(generator, options);
}

async function* jsonLines(state: HandlerState, request: Request, generator: AnyGenerator): AsyncGenerator<string> {
  for await (const item of generator) yield (await serializeItem(state, request, item)) + "\n";
}

async function* serverSentEvents(state: HandlerState, request: Request, generator: AnyGenerator): AsyncGenerator<Uint8Array> {
  for await (const item of generator) {
    if (item instanceof ServerSentEvent) yield encodeServerSentEvent(item, (data) => dumps(data));
    else yield formatSseEvent({ dataStr: await serializeItem(state, request, item) });
  }
}

/** FastAPI's keepalive: a `: ping` comment whenever no event came for the ping interval. */
async function* withKeepalive(events: AsyncGenerator<Uint8Array>): AsyncGenerator<Uint8Array> {
  let next = events.next();
  try {
    for (;;) {
      let timer: NodeJS.Timeout | undefined;
      const ping = new Promise<"ping">((resolve) => (timer = setTimeout(resolve, keepaliveInterval.ms, "ping")));
      const result = await Promise.race([next, ping]);
      clearTimeout(timer);
      if (result === "ping") {
        yield KEEPALIVE_COMMENT;
        continue;
      }
      if (result.done) return;
      yield result.value;
      next = events.next();
    }
  } finally {
    await events.return(undefined);
  }
}

/** The ping interval, in milliseconds: FastAPI's 15 s (tests shorten it). */
export const keepaliveInterval = { ms: _PING_INTERVAL * 1000 };

export type { BackgroundTasks };
