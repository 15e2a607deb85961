// Port of starlette/_exception_handler.py: the per-endpoint wrapper that
// applies the handlers ExceptionMiddleware put in the scope.
import { HTTPException } from "./exceptions.js";
import type { HTTPConnection, Request } from "./requests.js";
import type { Response } from "./responses.js";
import type { ASGIApp, Message, Receive, Scope, Send } from "./types.js";
import type { WebSocket } from "./websockets.js";

/** An error class as a handler key (Python's exception classes). */
export type ErrorClass = abstract new (...args: never[]) => unknown;

/** What a handler gives: a response to send, or nothing (a websocket handler closes the socket itself). */
export type HandlerResult = Response | null | undefined | void;

/**
 * The connection a handler gets: the Request, or the WebSocket when the error came from a
 * websocket route (the handler may close it, or answer before accept with a denial
 * response). Typed as both so that a handler may declare either.
 */
export type HandlerConnection = Request & WebSocket;

/** Answers an error with a response, or (a websocket's handler) by closing the connection. */
export type ExceptionHandler = (conn: HandlerConnection, exc: unknown) => HandlerResult | Promise<HandlerResult>;
export type ExceptionHandlers = Map<ErrorClass, ExceptionHandler>;
export type StatusHandlers = Map<number, ExceptionHandler>;

/** Find the handler for the most specific class in the error's prototype chain. */
export function lookupExceptionHandler(handlers: ExceptionHandlers, exc: unknown): ExceptionHandler | undefined {
  if (exc === null || (typeof exc !== "object" && typeof exc !== "function")) return undefined;
  for (let proto = Object.getPrototypeOf(exc); proto !== null; proto = Object.getPrototypeOf(proto)) {
    const handler = handlers.get(proto.constructor as ErrorClass);
    if (handler !== undefined) return handler;
  }
  return undefined;
}

/**
 * Starlette's wrap_app_handling_exceptions(app, conn)(scope, receive, send),
 * called directly: it runs twice for every request, so the usual path is a
 * promise handed on, not an async frame. `conn` may be a function that makes the
 * connection, for ExceptionMiddleware, whose handlers rarely run.
 */
export function runHandlingExceptions(
  app: ASGIApp,
  conn: HTTPConnection | ((scope: Scope) => HTTPConnection),
  scope: Scope,
  receive: Receive,
  send: Send,
): Promise<void> {
  const registered = scope["starlette.exception_handlers"] as [ExceptionHandlers, StatusHandlers] | undefined;
  if (registered === undefined) return app(scope, receive, send);
  let responseStarted = false;
  const sender: Send = (message: Message) => {
    if (message.type === "http.response.start") responseStarted = true;
    return send(message);
  };
  const handle = (exc: unknown): Promise<void> => handleException(registered, exc, responseStarted, conn, scope, receive, sender);
  try {
    // Promise.resolve: an ASGI app written without async may return nothing.
    return Promise.resolve(app(scope, receive, sender)).then(undefined, handle);
  } catch (exc) {
    return handle(exc);
  }
}

async function handleException(
  [exceptionHandlers, statusHandlers]: [ExceptionHandlers, StatusHandlers],
  exc: unknown,
  responseStarted: boolean,
  conn: HTTPConnection | ((scope: Scope) => HTTPConnection),
  scope: Scope,
  receive: Receive,
  sender: Send,
): Promise<void> {
  let handler: ExceptionHandler | undefined;
  if (exc instanceof HTTPException) handler = statusHandlers.get(exc.statusCode);
  handler ??= lookupExceptionHandler(exceptionHandlers, exc);
  if (handler === undefined) throw exc;
  if (responseStarted) throw new Error("Caught handled exception, but response already started.", { cause: exc });
  const connection = typeof conn === "function" ? conn(scope) : conn;
  // The handler was registered for this kind of connection: the Request, or the WebSocket.
  const response = await handler(connection as HandlerConnection, exc);
  if (response) await response.call(scope, receive, sender);
}
