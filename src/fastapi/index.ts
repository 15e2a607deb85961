// starlette-ts/fastapi: FastAPI's layer over the core, as `from fastapi import ...` gives it.
export { FastAPI, type FastAPIOptions } from "./applications.js";
export {
  APIRoute,
  APIRouter,
  APIWebSocketRoute,
  IncludedRouter,
  type APIRouteOptions,
  type APIRouterOptions,
  type IncludeRouterOptions,
  type PathOperationOptions,
  type WebSocketOptions,
} from "./routing.js";
export { Body, Cookie, Depends, File, Form, Header, Path, Query, Security, type FileValue } from "./param_functions.js";
export {
  DependencyScopeError,
  FastAPIError,
  HTTPException,
  RequestValidationError,
  ResponseValidationError,
  ValidationException,
  WebSocketException,
  WebSocketRequestValidationError,
} from "./exceptions.js";
export { httpExceptionHandler, requestValidationExceptionHandler, websocketRequestValidationExceptionHandler } from "./exception_handlers.js";
export { jsonableEncoder } from "./encoders.js";
export * as status from "./status.js";
export { EventSourceResponse, ServerSentEvent } from "./sse.js";
export { SecurityScopes } from "./security/oauth2.js";
export { BackgroundTasks } from "../background.js";
export { UploadFile } from "../datastructures.js";
export { HTTPConnection, Request } from "../requests.js";
export { WebSocket, WebSocketDisconnect } from "./websockets.js";
export { FileResponse, HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response, StreamingResponse } from "../responses.js";
export type { ErrorDetails, Loc } from "./_compat/errors.js";
export type { InferInput, InferOutput, StandardSchemaV1 } from "./_compat/standard_schema.js";
export type { DependencyValue, ParamSpec, ParamsSpec, ValueOf, Values } from "./types.js";
