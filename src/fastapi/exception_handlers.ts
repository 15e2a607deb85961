// Port of fastapi/exception_handlers.py: the handlers FastAPI installs, each replaceable.
import type { HTTPException } from "../exceptions.js";
import type { Request } from "../requests.js";
import { JSONResponse, Response } from "../responses.js";
import { jsonableEncoder } from "./encoders.js";
import type { WebSocket } from "../websockets.js";
import type { RequestValidationError, WebSocketRequestValidationError } from "./exceptions.js";
import { WS_1008_POLICY_VIOLATION } from "./status.js";
import { isBodyAllowedForStatusCode } from "./utils.js";

/** `{"detail": exc.detail}` with the exception's status and headers. */
export function httpExceptionHandler(_request: Request, exc: unknown): Response {
  const e = exc as HTTPException<unknown>;
  const headers = e.headers ?? undefined;
  if (!isBodyAllowedForStatusCode(e.statusCode)) return new Response(null, { statusCode: e.statusCode, headers });
  return new JSONResponse({ detail: e.detail }, { statusCode: e.statusCode, headers });
}

/** The 422: `{"detail": [{type, loc, msg, input, ctx?}, ...]}`. */
export function requestValidationExceptionHandler(_request: Request, exc: unknown): Response {
  return new JSONResponse({ detail: jsonableEncoder((exc as RequestValidationError).errors()) }, { statusCode: 422 });
}

/**
 * Closes the websocket with 1008 (policy violation), the errors as the reason. As in FastAPI the
 * reason is the list itself, not text: the TestClient's WebSocketDisconnect carries it as given.
 */
export async function websocketRequestValidationExceptionHandler(websocket: WebSocket, exc: unknown): Promise<void> {
  await websocket.close(WS_1008_POLICY_VIOLATION, jsonableEncoder((exc as WebSocketRequestValidationError).errors()) as unknown as string);
}
