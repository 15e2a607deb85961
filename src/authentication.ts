// Port of starlette/authentication.py (1.x): hasRequiredScope, requires,
// AuthenticationError, AuthenticationBackend, AuthCredentials, BaseUser,
// SimpleUser, UnauthenticatedUser.
import assert from "node:assert";
import { inspect } from "node:util";
import { checkOptions, type OptionRule } from "./_options.js";
import type { AuthCredentials as AuthCredentialsShape, BaseUser as BaseUserShape } from "./_authentication.js";
import { urlencode } from "./datastructures.js";
import { HTTPException } from "./exceptions.js";
import { HTTPConnection, Request } from "./requests.js";
import { RedirectResponse } from "./responses.js";

/** Whether the connection was granted every one of `scopes` (`request.auth.scopes`). */
export function hasRequiredScope(conn: HTTPConnection, scopes: readonly string[]): boolean {
  for (const scope of scopes) {
    if (!conn.auth.scopes.includes(scope)) return false;
  }
  return true;
}

/** `requires`' options: Starlette's `status_code` and `redirect`. */
export interface RequiresOptions {
  /** The status of the HTTPException raised when a scope is missing (unless `redirect` is set). @default 403 */
  statusCode?: number;
  /** A route name: send the client there (303) with the URL it asked for in `next`. @default null */
  redirect?: string | null;
}

/**
 * A connection that can be closed: what `requires` needs of a websocket
 * (starlette-ts/websockets' WebSocket is one). Starlette closes with code 1000.
 */
export interface ClosableConnection extends HTTPConnection {
  close(code?: number): Promise<void>;
}

/** A handler guarded by `requires`: an async one resolves to the redirect, a sync one returns it. */
export type Guarded<R> = R extends PromiseLike<infer T> ? Promise<T | RedirectResponse> : R | RedirectResponse;

/** What `requires(scopes)` returns: wraps a handler that takes the request (or websocket) first. */
export type RequiresDecorator = <C extends HTTPConnection, A extends unknown[], R>(
  handler: (conn: C, ...rest: A) => R,
  context?: unknown,
) => (conn: C, ...rest: A) => R;

/** `requires(scopes, { redirect })`: the handler may also answer with the RedirectResponse. */
export type RedirectingDecorator = <C extends HTTPConnection, A extends unknown[], R>(
  handler: (conn: C, ...rest: A) => R,
  context?: unknown,
) => (conn: C, ...rest: A) => Guarded<R>;

/** RedirectingDecorator when the options may hold a `redirect`, else RequiresDecorator. */
export type DecoratorFor<O> = "redirect" extends keyof O
  ? [NonNullable<O["redirect" & keyof O]>] extends [never]
    ? RequiresDecorator
    : RedirectingDecorator
  : RequiresDecorator;

const REQUIRES_OPTIONS: Record<keyof RequiresOptions, OptionRule> = {
  statusCode: [(v) => Number.isInteger(v), "an integer"],
  redirect: [(v) => v === null || typeof v === "string", "a route name or null"],
};

// type(x).__name__ for the assertion messages, with Python's name for null.
function typeName(value: unknown): string {
  if (value === null) return "NoneType";
  if (typeof value === "object" || typeof value === "function") return (value as { constructor?: { name?: string } }).constructor?.name ?? "Object";
  return typeof value;
}

/**
 * Guard a handler: it runs only if `request.auth.scopes` holds every scope.
 * Otherwise an HTTP request gets an HTTPException (403 unless `statusCode`),
 * or with `redirect` a 303 to that route with `?next=` the URL asked for; a
 * websocket is closed (code 1000). The connection is the handler's first
 * argument, so it also decorates class methods (`@requires("authenticated")`).
 *
 * @example
 * app.get("/dashboard")(requires("authenticated")((request: Request) => ({ user: request.user.displayName })));
 */
export function requires<O extends RequiresOptions = Record<never, never>>(
  scopes: string | readonly string[],
  options: O = {} as O,
): DecoratorFor<O> {
  checkOptions("requires", options, REQUIRES_OPTIONS);
  if (typeof scopes !== "string" && !(Array.isArray(scopes) && scopes.every((s) => typeof s === "string"))) {
    throw new TypeError(`requires() needs a scope name or a list of them, got ${inspect(scopes, { depth: 1 })}`);
  }
  const scopesList: readonly string[] = typeof scopes === "string" ? [scopes] : [...scopes];
  const statusCode = options.statusCode ?? 403;
  const redirect = options.redirect ?? null;

  const denied = (request: Request): RedirectResponse => {
    if (redirect === null) throw new HTTPException(statusCode);
    const origRequestQparam = urlencode([["next", String(request.url)]]);
    return new RedirectResponse(`${request.urlFor(redirect)}?${origRequestQparam}`, { statusCode: 303 });
  };

  const decorator = (handler: Handler): Handler => {
    if (typeof handler !== "function") throw new TypeError(`requires() wraps a handler function, got ${inspect(handler, { depth: 0 })}`);
    // Starlette's async wrapper fails inside the coroutine: an async handler's guard rejects, a sync one's throws.
    const isAsync = Object.prototype.toString.call(handler) === "[object AsyncFunction]";
    // Starlette finds the `request` (or `websocket`) parameter by name; here the
    // connection is the handler's first argument, checked when the handler runs.
    return function wrapper(this: unknown, conn: unknown, ...rest: unknown[]): unknown {
      if (conn instanceof HTTPConnection && conn.scope.type === "websocket") {
        // The seam for websocket handlers: any HTTPConnection of a websocket scope with close().
        const websocket = conn as Partial<ClosableConnection>;
        assert(typeof websocket.close === "function", `Parameter with name 'websocket' is required to be of type 'WebSocket' not '${typeName(conn)}'`);
        return (async () => {
          if (!hasRequiredScope(conn, scopesList)) await (websocket as ClosableConnection).close();
          else await handler.call(this, conn, ...rest);
        })();
      }
      if (!(conn instanceof Request)) {
        throw new assert.AssertionError({
          message:
            `Parameter with name 'request' is required to be of type 'Request' not '${typeName(conn)}'\n` +
            "requires() wraps a handler that takes the request (or websocket) as its first argument; " +
            "in the FastAPI layer, declare a dependency (Security) instead.",
        });
      }
      if (isAsync) return (async () => (hasRequiredScope(conn, scopesList) ? await handler.call(this, conn, ...rest) : denied(conn)))();
      return hasRequiredScope(conn, scopesList) ? handler.call(this, conn, ...rest) : denied(conn);
    };
  };
  // The generic signature above describes what the wrapper keeps of the handler's type.
  return decorator as unknown as DecoratorFor<O>;
}

type Handler = (this: unknown, conn: unknown, ...rest: unknown[]) => unknown;

/** Raised by a backend for credentials it cannot read; AuthenticationMiddleware's `onError` answers it. */
export class AuthenticationError extends Error {
  constructor(message?: string) {
    super(message);
    this.name = "AuthenticationError";
  }
}

/** `[credentials, user]` as a backend resolves to it. */
export type AuthResult<U extends BaseUserShape = BaseUser> = readonly [AuthCredentials, U];

/**
 * Reads the credentials of a connection. Resolve to `[credentials, user]`, or to
 * null when the request carries none; throw AuthenticationError when it carries
 * bad ones.
 */
export abstract class AuthenticationBackend<U extends BaseUserShape = BaseUser> {
  abstract authenticate(conn: HTTPConnection): Promise<AuthResult<U> | null> | AuthResult<U> | null;
}

/** The scopes granted to a request: `request.auth`. */
export class AuthCredentials implements AuthCredentialsShape {
  readonly scopes: string[];

  constructor(scopes: Iterable<string> | null = null) {
    this.scopes = scopes === null ? [] : [...scopes];
  }
}

/** What every user offers: `request.user`. Subclass it for a user of your own. */
export abstract class BaseUser implements BaseUserShape {
  abstract get isAuthenticated(): boolean;
  abstract get displayName(): string;
  abstract get identity(): string;
}

export class SimpleUser extends BaseUser {
  constructor(readonly username: string) {
    super();
  }

  get isAuthenticated(): boolean {
    return true;
  }

  get displayName(): string {
    return this.username;
  }

  get identity(): string {
    return this.username;
  }
}

export class UnauthenticatedUser extends BaseUser {
  get isAuthenticated(): boolean {
    return false;
  }

  get displayName(): string {
    return "";
  }

  get identity(): string {
    return "";
  }
}
