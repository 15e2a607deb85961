// Port of starlette/middleware/exceptions.py: always the innermost middleware.
import {
  type ErrorClass,
  type ExceptionHandler,
  type ExceptionHandlers,
  type StatusHandlers,
  runHandlingExceptions,
} from "../_exception_handler.js";
import { HTTPException, WebSocketException } from "../exceptions.js";
import { type HTTPConnection, Request } from "../requests.js";
import { PlainTextResponse, Response } from "../responses.js";
import type { ASGIApp, Receive, Scope, Send } from "../types.js";
import { WebSocket } from "../websockets.js";

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
    this.exceptionHandlers.set(WebSocketException, (websocket, exc) => this.websocketException(websocket, exc));
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
    const conn = (s: Scope) => (s.type === "http" ? new Request(s, receive, send) : new WebSocket(s, receive, send));
    return runHandlingExceptions(this.app, conn, scope, receive, send);
  }

  /** A Request gets the response; before a websocket's accept it becomes the denial response. */
  httpException(_request: HTTPConnection, exc: unknown): Response {
    const e = exc as HTTPException;
    const headers = e.headers ?? undefined;
    if (e.statusCode === 204 || e.statusCode === 304) return new Response(null, { statusCode: e.statusCode, headers });
    return new PlainTextResponse(e.detail, { statusCode: e.statusCode, headers });
  }

  async websocketException(websocket: WebSocket, exc: unknown): Promise<void> {
    const e = exc as WebSocketException;
    await websocket.close(e.code, e.reason);
  }
}
