// Port of starlette/exceptions.py, with websockets.py's WebSocketDisconnect.
import { reasonPhrase } from "./status.js";

/**
 * An error that becomes an HTTP response. `detail` is text here, as Starlette types it; FastAPI's
 * subclass (starlette-ts/fastapi) takes any JSON value.
 */
export class HTTPException<Detail = string> extends Error {
  readonly statusCode: number;
  readonly detail: Detail;
  readonly headers: Record<string, string> | null;

  constructor(statusCode: number, detail?: Detail | null, headers?: Record<string, string> | null) {
    const value = detail ?? reasonPhrase(statusCode);
    super(typeof value === "string" ? value : JSON.stringify(value));
    this.name = "HTTPException";
    this.statusCode = statusCode;
    this.detail = value as Detail;
    this.headers = headers ?? null;
  }

  override toString(): string {
    return `${this.statusCode}: ${this.message}`;
  }
}

/** Closes a websocket with `code` and `reason`: ExceptionMiddleware's handler sends the close. */
export class WebSocketException extends Error {
  readonly code: number;
  readonly reason: string;

  constructor(code: number, reason?: string | null) {
    super(`${code}: ${reason || ""}`);
    this.name = "WebSocketException";
    this.code = code;
    this.reason = reason || "";
  }

  override toString(): string {
    return this.message;
  }
}

/**
 * The client closed the websocket (starlette-ts/websockets re-exports it, as Starlette's
 * websockets module defines it). It lives here, beside the other errors, so that the
 * TestClient raises this very class without importing the WebSocket machinery.
 */
export class WebSocketDisconnect extends Error {
  readonly code: number;
  readonly reason: string;

  constructor(code = 1000, reason?: string | null) {
    super(reason ? `${code}: ${reason}` : String(code));
    this.name = "WebSocketDisconnect";
    this.code = code;
    this.reason = reason || "";
  }
}
