// Port of starlette/middleware/cors.py (Starlette 1.7): preflight answers,
// and the CORS headers of every other response, with Starlette's header order
// and its `Vary: Origin` on every response that is not a preflight.
import { compileFullmatch, strip, type PatternError } from "../_python_re.js";
import { BOOLEAN, checkOptions, type OptionRule } from "../_options.js";
import { Headers } from "../datastructures.js";
import { setHeader } from "./_headerlist.js";
import { PlainTextResponse } from "../responses.js";
import type { ASGIApp, HeaderList, Message, Receive, Scope, Send } from "../types.js";

export const ALL_METHODS = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "QUERY"] as const;
export const SAFELISTED_HEADERS: ReadonlySet<string> = new Set(["Accept", "Accept-Language", "Content-Language", "Content-Type"]);

export interface CORSOptions {
  /** Origins allowed to read responses, e.g. `["https://example.org"]`; `["*"]` allows any. @default [] */
  allowOrigins?: readonly string[];
  /** Methods a preflight allows; `["*"]` allows every method of ALL_METHODS. @default ["GET"] */
  allowMethods?: readonly string[];
  /** Request headers a preflight allows beyond the CORS-safelisted ones; `["*"]` allows any. @default [] */
  allowHeaders?: readonly string[];
  /** Let browsers send cookies and read the answer (the origin is then echoed, never `*`). @default false */
  allowCredentials?: boolean;
  /**
   * Origins allowed by a pattern that must match the whole origin (Python's
   * `re.fullmatch`). A string is read with Python's `re` syntax, as Starlette
   * reads it, so a pattern copied from a FastAPI app keeps its meaning; a
   * RegExp is used as JS reads it, anchored at both ends.
   * @example "https://.*\\.example\\.org"
   * @default null
   */
  allowOriginRegex?: string | RegExp | null;
  /** Answer a preflight's `Access-Control-Request-Private-Network: true` (Chrome's Private Network Access). @default false */
  allowPrivateNetwork?: boolean;
  /** Response headers a page's script may read, beyond the CORS-safelisted ones. @default [] */
  exposeHeaders?: readonly string[];
  /** Seconds a browser may cache a preflight's answer. @default 600 */
  maxAge?: number;
}

// A value that goes into a header line as it is: latin-1, and no CR, LF or NUL.
const HEADER_SAFE = /^[^\r\n\0\u0100-\uffff]*$/;
const isHeaderList = (v: unknown): boolean => Array.isArray(v) && v.every((item) => typeof item === "string" && HEADER_SAFE.test(item));
const LIST: OptionRule = [isHeaderList, "an array of strings (latin-1, without CR, LF or NUL)"];

const RULES: Record<keyof CORSOptions, OptionRule> = {
  allowOrigins: LIST,
  allowMethods: LIST,
  allowHeaders: LIST,
  allowCredentials: BOOLEAN,
  allowOriginRegex: [(v) => v === null || typeof v === "string" || v instanceof RegExp, "a string (Python re syntax), a RegExp or null"],
  allowPrivateNetwork: BOOLEAN,
  exposeHeaders: LIST,
  maxAge: [Number.isSafeInteger, "a whole number of seconds"],
};

/** `re.compile(pattern).fullmatch` as a RegExp; a JS RegExp anchored at both ends, without g or y. */
function originPattern(pattern: string | RegExp): RegExp {
  if (pattern instanceof RegExp) return new RegExp(`^(?:${pattern.source})$`, pattern.flags.replace(/[gy]/g, ""));
  try {
    return compileFullmatch(pattern);
  } catch (exc) {
    throw new TypeError(`CORSMiddleware option "allowOriginRegex" ${JSON.stringify(pattern)} is not a Python regular expression JavaScript can run: ${(exc as PatternError).message}`);
  }
}

/** The first values of `origin` and `access-control-request-method`, in one pass over the request's headers. */
function corsRequestHeaders(headers: HeaderList): [origin: string | null, requestMethod: boolean] {
  let origin: string | null = null;
  let requestMethod = false;
  for (const [name, value] of headers) {
    if (origin === null && name === "origin") origin = value;
    else if (name === "access-control-request-method") requestMethod = true;
  }
  return [origin, requestMethod];
}

const lowerNames = (headers: Record<string, string>): HeaderList => Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]);

/** `headers["Vary"] = ", ".join([*headers.getlist("Vary"), "Origin"])`. */
function varyOrigin(list: HeaderList): void {
  let vary = "";
  for (const [name, value] of list) if (name === "vary") vary += value + ", ";
  setHeader(list, "vary", vary + "Origin");
}

/**
 * Answers CORS preflights and adds the CORS headers to every other response,
 * as Starlette's CORSMiddleware does.
 *
 * @example
 * app.addMiddleware(CORSMiddleware, { allowOrigins: ["https://example.org"], allowCredentials: true });
 */
export class CORSMiddleware {
  readonly allowOrigins: readonly string[];
  readonly allowMethods: readonly string[];
  /** Lower-cased, the safelisted headers included, as preflights compare them. */
  readonly allowHeaders: readonly string[];
  readonly allowAllOrigins: boolean;
  readonly allowAllHeaders: boolean;
  readonly allowCredentials: boolean;
  readonly preflightExplicitAllowOrigin: boolean;
  readonly allowOriginRegex: RegExp | null;
  readonly allowPrivateNetwork: boolean;
  /** Added to a response when the request has an Origin. */
  readonly simpleHeaders: Readonly<Record<string, string>>;
  /** The headers of every preflight answer, before the per-request ones. */
  readonly preflightHeaders: Readonly<Record<string, string>>;
  // The same as lower-cased header lists, and the allowed values as sets, for each request.
  private readonly simpleRaw: HeaderList;
  private readonly preflightRaw: HeaderList;
  private readonly origins: ReadonlySet<string>;
  private readonly methods: ReadonlySet<string>;
  private readonly headerNames: ReadonlySet<string>;

  constructor(
    readonly app: ASGIApp,
    options: CORSOptions = {},
  ) {
    checkOptions("CORSMiddleware", options, RULES);
    let allowMethods = options.allowMethods ?? ["GET"];
    const allowOrigins = options.allowOrigins ?? [];
    const allowCredentials = options.allowCredentials ?? false;
    const exposeHeaders = options.exposeHeaders ?? [];
    if (allowMethods.includes("*")) allowMethods = ALL_METHODS;

    const allowAllOrigins = allowOrigins.includes("*");
    const allowAllHeaders = (options.allowHeaders ?? []).includes("*");
    const preflightExplicitAllowOrigin = !allowAllOrigins || allowCredentials;

    const simpleHeaders: Record<string, string> = {};
    if (allowAllOrigins) simpleHeaders["Access-Control-Allow-Origin"] = "*";
    if (allowCredentials) simpleHeaders["Access-Control-Allow-Credentials"] = "true";
    if (exposeHeaders.length > 0) simpleHeaders["Access-Control-Expose-Headers"] = exposeHeaders.join(", ");

    const preflightHeaders: Record<string, string> = {
      Vary: "Origin, Access-Control-Request-Method, Access-Control-Request-Headers, Access-Control-Request-Private-Network",
    };
    if (!preflightExplicitAllowOrigin) preflightHeaders["Access-Control-Allow-Origin"] = "*";
    preflightHeaders["Access-Control-Allow-Methods"] = allowMethods.join(", ");
    preflightHeaders["Access-Control-Max-Age"] = String(options.maxAge ?? 600);
    // sorted(SAFELISTED_HEADERS | set(allow_headers)): code point order, duplicates once.
    const allowHeaders = [...new Set([...SAFELISTED_HEADERS, ...(options.allowHeaders ?? [])])].sort();
    if (!allowAllHeaders) preflightHeaders["Access-Control-Allow-Headers"] = allowHeaders.join(", ");
    if (allowCredentials) preflightHeaders["Access-Control-Allow-Credentials"] = "true";

    this.allowOrigins = allowOrigins;
    this.allowMethods = allowMethods;
    this.allowHeaders = allowHeaders.map((h) => h.toLowerCase());
    this.allowAllOrigins = allowAllOrigins;
    this.allowAllHeaders = allowAllHeaders;
    this.allowCredentials = allowCredentials;
    this.preflightExplicitAllowOrigin = preflightExplicitAllowOrigin;
    this.allowOriginRegex = options.allowOriginRegex === undefined || options.allowOriginRegex === null ? null : originPattern(options.allowOriginRegex);
    this.allowPrivateNetwork = options.allowPrivateNetwork ?? false;
    this.simpleHeaders = simpleHeaders;
    this.preflightHeaders = preflightHeaders;
    this.simpleRaw = lowerNames(simpleHeaders);
    this.preflightRaw = lowerNames(preflightHeaders);
    this.origins = new Set(allowOrigins);
    this.methods = new Set(allowMethods);
    this.headerNames = new Set(this.allowHeaders);
  }

  // Not async: it hands the inner app's promise on, and this runs for every request.
  call(scope: Scope, receive: Receive, send: Send): Promise<void> {
    if (scope.type !== "http") return this.app(scope, receive, send);
    const [origin, requestMethod] = corsRequestHeaders(scope.headers ?? []);
    if (origin !== null && scope.method === "OPTIONS" && requestMethod) {
      return this.preflightResponse(new Headers({ scope })).call(scope, receive, send);
    }
    return this.app(scope, receive, (message) => this.send(message, send, origin));
  }

  isAllowedOrigin(origin: string): boolean {
    if (this.allowAllOrigins) return true;
    if (this.allowOriginRegex !== null && this.allowOriginRegex.test(origin)) return true;
    return this.origins.has(origin);
  }

  preflightResponse(requestHeaders: Headers): PlainTextResponse {
    // The first of each, as Headers.get finds them, in one pass.
    let requestedOrigin: string | null = null;
    let requestedMethod: string | null = null;
    let requestedHeaders: string | null = null;
    let requestedPrivateNetwork: string | null = null;
    for (const [name, value] of requestHeaders.raw) {
      if (name === "origin") requestedOrigin ??= value;
      else if (name === "access-control-request-method") requestedMethod ??= value;
      else if (name === "access-control-request-headers") requestedHeaders ??= value;
      else if (name === "access-control-request-private-network") requestedPrivateNetwork ??= value;
    }

    // Starlette's dict of headers: preflightHeaders, then what is set below, in that order.
    const headers: HeaderList = this.preflightRaw.slice();
    const failures: string[] = [];

    if (this.isAllowedOrigin(requestedOrigin as string)) {
      // Otherwise "*" is already in preflightHeaders.
      if (this.preflightExplicitAllowOrigin) headers.push(["access-control-allow-origin", requestedOrigin as string]);
    } else {
      failures.push("origin");
    }

    if (!this.methods.has(requestedMethod as string)) failures.push("method");

    // With every header allowed, the requested ones are mirrored back.
    if (this.allowAllHeaders && requestedHeaders !== null) {
      headers.push(["access-control-allow-headers", requestedHeaders]);
    } else if (requestedHeaders !== null) {
      for (const header of requestedHeaders.split(",")) {
        if (!this.headerNames.has(strip(header.toLowerCase()))) {
          failures.push("headers");
          break;
        }
      }
    }

    if (requestedPrivateNetwork !== null) {
      if (this.allowPrivateNetwork) headers.push(["access-control-allow-private-network", "true"]);
      else failures.push("private-network");
    }

    // A 400 is not needed (the browser enforces CORS), but it says more.
    const response = failures.length > 0 ? new PlainTextResponse("Disallowed CORS " + failures.join(", "), { statusCode: 400 }) : new PlainTextResponse("OK");
    // Given as headers=, they come before the Content-Length and Content-Type the response adds.
    response.rawHeaders = [...headers, ...response.rawHeaders];
    return response;
  }

  send(message: Message, send: Send, origin: string | null): Promise<void> {
    if (message.type !== "http.response.start") return send(message);
    // MutableHeaders(scope=message): a copy of the list, put back on the message.
    const headers: HeaderList = message.headers ? message.headers.slice() : [];
    message.headers = headers;
    if (origin !== null) for (const [name, value] of this.simpleRaw) setHeader(headers, name, value);
    // With credentials the answer names the origin, never "*"; with specific origins, the allowed one is mirrored.
    if (origin !== null && (this.allowAllOrigins ? this.allowCredentials : this.isAllowedOrigin(origin))) {
      setHeader(headers, "access-control-allow-origin", origin);
    }
    varyOrigin(headers);
    return send(message);
  }
}
