// Port of starlette/exceptions.py.
import { reasonPhrase } from "./status.js";

export class HTTPException extends Error {
  readonly statusCode: number;
  readonly detail: string;
  readonly headers: Record<string, string> | null;

  constructor(statusCode: number, detail?: string | null, headers?: Record<string, string> | null) {
    const text = detail ?? reasonPhrase(statusCode);
    super(text);
    this.name = "HTTPException";
    this.statusCode = statusCode;
    this.detail = text;
    this.headers = headers ?? null;
  }

  override toString(): string {
    return `${this.statusCode}: ${this.detail}`;
  }
}
