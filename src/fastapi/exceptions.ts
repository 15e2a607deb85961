// Port of fastapi/exceptions.py.
import { HTTPException as StarletteHTTPException } from "../exceptions.js";
import type { ErrorDetails } from "./_compat/errors.js";

/** An error answered as `{"detail": detail}` with its status and headers; `detail` is any JSON value. */
export class HTTPException extends StarletteHTTPException<unknown> {
  constructor(statusCode: number, detail?: unknown, headers?: Record<string, string> | null) {
    super(statusCode, detail, headers);
  }
}

/** A generic, FastAPI-specific error (Python's RuntimeError subclass). */
export class FastAPIError extends Error {
  constructor(message?: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A dependency declared that it depends on another dependency with a narrower scope. */
export class DependencyScopeError extends FastAPIError {}

/** Where the failing endpoint is, for error messages (FastAPI's EndpointContext). */
export interface EndpointContext {
  function?: string;
  path?: string;
}

export class ValidationException extends Error {
  readonly endpointFunction: string | undefined;
  readonly endpointPath: string | undefined;

  constructor(
    private readonly details: readonly ErrorDetails[],
    endpointCtx: EndpointContext = {},
  ) {
    super("");
    this.name = new.target.name;
    this.endpointFunction = endpointCtx.function;
    this.endpointPath = endpointCtx.path;
    this.message = this.format();
  }

  errors(): ErrorDetails[] {
    return [...this.details];
  }

  // Python's str(exc): the count, one line per error, then where.
  private format(): string {
    const n = this.details.length;
    let message = `${n} validation error${n === 1 ? "" : "s"}:\n`;
    for (const error of this.details) message += `  ${JSON.stringify(error)}\n`;
    if (this.endpointPath) message += `\n  Endpoint: ${this.endpointPath}`;
    return message.trimEnd();
  }
}

/** The request did not match the declared params: answered with a 422 by default. */
export class RequestValidationError extends ValidationException {
  constructor(
    errors: readonly ErrorDetails[],
    /** The body as received (parsed JSON, form data or text), for custom handlers. */
    readonly body: unknown = null,
    endpointCtx?: EndpointContext,
  ) {
    super(errors, endpointCtx);
  }
}

/** A websocket's params did not validate: the connection is closed with 1008. */
export class WebSocketRequestValidationError extends ValidationException {}

/** What the handler returned does not match its `responseModel`: a 500, a bug in the server. */
export class ResponseValidationError extends ValidationException {
  constructor(
    errors: readonly ErrorDetails[],
    readonly body: unknown = null,
    endpointCtx?: EndpointContext,
  ) {
    super(errors, endpointCtx);
  }
}
