// Port of starlette/exceptions.py.
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
