// Port of starlette/middleware/authentication.py (1.x): the backend's
// [credentials, user] into scope.auth and scope.user; an AuthenticationError
// answered by onError (a websocket is closed instead).
import { inspect } from "node:util";
import { checkOptions, FUNCTION, type OptionRule } from "../_options.js";
import type { BaseUser } from "../_authentication.js";
import { AuthCredentials, AuthenticationError, UnauthenticatedUser, type AuthenticationBackend } from "../authentication.js";
import { HTTPConnection } from "../requests.js";
import { PlainTextResponse, type Response } from "../responses.js";
import type { ASGIApp, Receive, Scope, Send } from "../types.js";

/** Builds the response to an AuthenticationError (websockets are closed whatever it returns). */
export type AuthenticationErrorHandler = (conn: HTTPConnection, exc: AuthenticationError) => Response | Promise<Response>;

/** AuthenticationMiddleware's options: Starlette's `backend` and `on_error`. */
export interface AuthenticationOptions {
  /** Reads each connection's credentials: an AuthenticationBackend, or any object with `authenticate(conn)`. */
  backend: AuthenticationBackend<BaseUser>;
  /** @default a 400 PlainTextResponse with the error's message (AuthenticationMiddleware.defaultOnError) */
  onError?: AuthenticationErrorHandler | null;
}

const OPTIONS: Record<keyof AuthenticationOptions, OptionRule> = {
  backend: [(v) => v !== null && typeof v === "object" && typeof (v as { authenticate?: unknown }).authenticate === "function", "an object with an authenticate(conn) method"],
  onError: [(v) => v === null || FUNCTION[0](v), "a function (conn, exc) => Response, or null"],
};

/**
 * Sets `request.auth` and `request.user` from a backend, for http and websocket
 * connections. A backend resolving to null leaves the request unauthenticated
 * (`UnauthenticatedUser`, no scopes).
 *
 * @example
 * app.addMiddleware(AuthenticationMiddleware, { backend: new BasicAuthBackend() });
 */
export class AuthenticationMiddleware {
  readonly backend: AuthenticationBackend<BaseUser>;
  readonly onError: AuthenticationErrorHandler;

  constructor(
    readonly app: ASGIApp,
    options: AuthenticationOptions,
  ) {
    checkOptions("AuthenticationMiddleware", options, OPTIONS);
    if (options.backend === undefined) throw new TypeError("AuthenticationMiddleware needs a backend: an object with an authenticate(conn) method");
    this.backend = options.backend;
    this.onError = options.onError ?? AuthenticationMiddleware.defaultOnError;
  }

  call(scope: Scope, receive: Receive, send: Send): Promise<void> {
    if (scope.type !== "http" && scope.type !== "websocket") return this.app(scope, receive, send);
    return this.authenticate(scope, receive, send);
  }

  private async authenticate(scope: Scope, receive: Receive, send: Send): Promise<void> {
    const conn = new HTTPConnection(scope);
    let authResult: unknown;
    try {
      authResult = await this.backend.authenticate(conn);
    } catch (exc) {
      if (!(exc instanceof AuthenticationError)) throw exc;
      const response = await this.onError(conn, exc);
      if (scope.type === "websocket") await send({ type: "websocket.close", code: 1000 });
      else await response.call(scope, receive, send);
      return;
    }

    // Python unpacks a tuple (None included, as a JS `return;` gives undefined); anything else is the backend's bug.
    if (authResult === null || authResult === undefined) authResult = [new AuthCredentials(), new UnauthenticatedUser()];
    if (!Array.isArray(authResult) || authResult.length !== 2) {
      throw new TypeError(`${this.backend.constructor.name}.authenticate() must resolve to [credentials, user] or null, got ${inspect(authResult, { depth: 1 })}`);
    }
    [scope.auth, scope.user] = authResult;
    await this.app(scope, receive, send);
  }

  /** Starlette's default: a 400 with the error's message as text. */
  static defaultOnError(this: void, conn: HTTPConnection, exc: Error): Response {
    return new PlainTextResponse(exc.message, { statusCode: 400 });
  }
}
