// Port of starlette/middleware/exceptions.py: always the innermost middleware.
// (WebSocket endpoints are not supported yet, so there is no WebSocketException handler.)
import {
  type ErrorClass,
  type ExceptionHandler,
  type ExceptionHandlers,
  type StatusHandlers,
  runHandlingExceptions,
} from "../_exception_handler.js";
import { HTTPException } from "../exceptions.js";
import { HTTPConnection, Request } from "../requests.js";
import { PlainTextResponse, Response } from "../responses.js";
import type { ASGIApp, Receive, Scope, Send } from "../types.js";

export interface ExceptionMiddlewareOptions {
  handlers?: Map<number | ErrorClass, ExceptionHandler>;
  /** @default false */
  debug?: boolean;
}

export class ExceptionMiddleware {
  readonly debug: boolean;
  private readonly statusHandlers: StatusHandlers = new Map();
  private readonly exceptionHandlers: ExceptionHandlers = new Map();
  private readonly handlers: [ExceptionHandlers, StatusHandlers] = [this.exceptionHandlers, this.statusHandlers];

  constructor(
    readonly app: ASGIApp,
    options: ExceptionMiddlewareOptions = {},
  ) {
    this.debug = options.debug ?? false;
    this.exceptionHandlers.set(HTTPException, (request, exc) => this.httpException(request, exc));
    for (const [key, handler] of options.handlers ?? []) this.addExceptionHandler(key, handler);
  }

  addExceptionHandler(key: number | ErrorClass, handler: ExceptionHandler): void {
    if (typeof key === "number") this.statusHandlers.set(key, handler);
    else this.exceptionHandlers.set(key, handler);
  }

  call(scope: Scope, receive: Receive, send: Send): Promise<void> {
    if (scope.type !== "http" && scope.type !== "websocket") return this.app(scope, receive, send);
    scope["starlette.exception_handlers"] = this.handlers;
    // The connection a handler gets is made only when one runs.
    const conn = (s: Scope) => (s.type === "http" ? new Request(s, receive, send) : new HTTPConnection(s));
    return runHandlingExceptions(this.app, conn, scope, receive, send);
  }

  httpException(_request: Request, exc: unknown): Response {
    const e = exc as HTTPException;
    const headers = e.headers ?? undefined;
    if (e.statusCode === 204 || e.statusCode === 304) return new Response(null, { statusCode: e.statusCode, headers });
    return new PlainTextResponse(e.detail, { statusCode: e.statusCode, headers });
  }
}
