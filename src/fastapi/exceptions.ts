// Port of fastapi/exceptions.py.
import { HTTPException as StarletteHTTPException, WebSocketException as StarletteWebSocketException } from "../exceptions.js";
import type { ErrorDetails } from "./_compat/errors.js";

/** An error answered as `{"detail": detail}` with its status and headers; `detail` is any JSON value. */
export class HTTPException extends StarletteHTTPException<unknown> {
  constructor(statusCode: number, detail?: unknown, headers?: Record<string, string> | null) {
    super(statusCode, detail, headers);
  }
}

/**
 * Raise it in a websocket handler or dependency to close the connection with `code` (a client
 * error: bad credentials, bad data), before or after accept.
 */
export class WebSocketException extends StarletteWebSocketException {
  constructor(code: number, reason?: string | null) {
    super(code, reason);
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

  /** Python's str(exc), without the class name Error's toString puts first: `String(exc)` in a handler. */
  override toString(): string {
    return this.message;
  }

  // Python's str(exc): the count, one line per error as Python prints the dict, then where
  // (Python also names the endpoint's file and line, which JavaScript cannot tell).
  private format(): string {
    const n = this.details.length;
    let message = `${n} validation error${n === 1 ? "" : "s"}:\n`;
    for (const error of this.details) message += `  ${pyRepr(error, true)}\n`;
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

// Python's repr() of an error's JSON-like values: dicts, lists (an error's `loc` is a tuple),
// str with Python's choice of quotes and escapes, None/True/False, an exception as ValueError('...').
function pyRepr(value: unknown, isError = false): string {
  if (value === null || value === undefined) return "None";
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "number") return Number.isNaN(value) ? "nan" : value === Infinity ? "inf" : value === -Infinity ? "-inf" : String(value);
  if (typeof value === "string") return pyStr(value);
  if (Array.isArray(value)) return `[${value.map((v) => pyRepr(v)).join(", ")}]`;
  if (value instanceof Error) return `ValueError(${pyStr(value.message)})`;
  if (typeof value !== "object") return String(value);
  const items = Object.entries(value).map(([k, v]) => `${pyStr(k)}: ${isError && k === "loc" && Array.isArray(v) ? pyTuple(v) : pyRepr(v)}`);
  return `{${items.join(", ")}}`;
}

function pyTuple(items: unknown[]): string {
  return `(${items.map((v) => pyRepr(v)).join(", ")}${items.length === 1 ? "," : ""})`;
}

// What str.isprintable() refuses (besides the ASCII space): escaped as \xNN, \uNNNN or \UNNNNNNNN.
const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" };

function pyStr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (Object.hasOwn(ESCAPES, ch)) out += ESCAPES[ch];
    else if (ch === quote) out += `\\${ch}`;
    else if (ch !== " " && NOT_PRINTABLE.test(ch)) {
      const hex = code.toString(16);
      out += code < 0x100 ? `\\x${hex.padStart(2, "0")}` : code < 0x10000 ? `\\u${hex.padStart(4, "0")}` : `\\U${hex.padStart(8, "0")}`;
    } else out += ch;
  }
  return out + quote;
}
