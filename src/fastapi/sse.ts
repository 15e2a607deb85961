// Port of fastapi/sse.py (FastAPI 0.142.2): Server-Sent Events, the event model and its wire format.
import { encodeUtf8 } from "../_utils.js";
import { StreamingResponse } from "../responses.js";
import type { ErrorDetails } from "./_compat/errors.js";
import { jsonableEncoder } from "./encoders.js";

/** The schema of one event in OpenAPI 3.2 (Section 4.14.4, "Special Considerations for Server-Sent Events"). */
export const _SSE_EVENT_SCHEMA: Readonly<Record<string, unknown>> = {
  type: "object",
  properties: {
    data: { type: "string" },
    event: { type: "string" },
    id: { type: "string" },
    retry: { type: "integer", minimum: 0 },
  },
};

/**
 * A streaming response with the `text/event-stream` media type.
 *
 * Use it as the response class of a path operation that yields, to stream Server-Sent Events
 * (with any HTTP method: MCP streams SSE over POST). The encoding lives in the request handler;
 * this class marks the route and sets the Content-Type.
 */
export class EventSourceResponse extends StreamingResponse {
  protected override defaultMediaType(): string | null {
    return "text/event-stream";
  }
}

function checkSingleLine(v: string, fieldName: string): string | null {
  return v.includes("\r") || v.includes("\n") ? `SSE '${fieldName}' must be a single line` : null;
}

function checkIdValid(v: string): string | null {
  return v.includes("\0") ? "SSE 'id' must not contain null characters" : checkSingleLine(v, "id");
}

/** pydantic's ValidationError, as ServerSentEvent raises it: `errors()` holds the details. */
export class ValidationError extends Error {
  readonly title: string;
  private readonly details: ErrorDetails[];

  constructor(title: string, details: ErrorDetails[]) {
    // pydantic's text, without the input's Python repr and the link to its docs.
    const lines = [`${details.length} validation error${details.length === 1 ? "" : "s"} for ${title}`];
    for (const e of details) {
      if (e.loc.length > 0) lines.push(e.loc.join("."));
      lines.push(`  ${e.msg} [type=${e.type}]`);
    }
    super(lines.join("\n"));
    this.name = "ValidationError";
    this.title = title;
    this.details = details;
  }

  errors(): ErrorDetails[] {
    return this.details;
  }
}

export interface ServerSentEventOptions {
  /** The payload, always sent as JSON (a string too: "hello" is sent as `data: "hello"`). Not with `rawData`. */
  data?: unknown;
  /** Text sent as the `data:` field as it is, without JSON (HTML, CSV lines...). Not with `data`. */
  rawData?: string | null;
  /** The event type (`addEventListener(event, ...)` in the browser); one line. */
  event?: string | null;
  /** The event ID the browser sends back as Last-Event-ID; one line, no NUL. */
  id?: string | null;
  /** The reconnection time in milliseconds: an integer, 0 or more. */
  retry?: number | bigint | null;
  /** Comment line(s), sent with a ":" prefix; EventSource clients ignore them (keep-alive pings). */
  comment?: string | null;
}

const CANNOT_SET_BOTH =
  "Cannot set both 'data' and 'raw_data' on the same ServerSentEvent. Use 'data' for JSON-serialized payloads or 'raw_data' for pre-formatted strings.";

/**
 * A single Server-Sent Event, checked when it is made as FastAPI's pydantic model checks it.
 * Yielded from an `EventSourceResponse` path operation, it is written in the SSE wire format.
 *
 * @example
 * new ServerSentEvent({ data: { key: "value" }, event: "update", id: "2" })
 */
export class ServerSentEvent {
  readonly data: unknown;
  readonly rawData: string | null;
  readonly event: string | null;
  readonly id: string | null;
  readonly retry: number | bigint | null;
  readonly comment: string | null;

  constructor(options: ServerSentEventOptions = {}) {
    const errors: ErrorDetails[] = [];
    this.data = options.data ?? null;
    this.rawData = checkString(options.rawData, "rawData", errors);
    this.event = checkString(options.event, "event", errors, (v) => checkSingleLine(v, "event"));
    this.id = checkString(options.id, "id", errors, checkIdValid);
    this.retry = checkRetry(options.retry, errors);
    this.comment = checkString(options.comment, "comment", errors);
    // pydantic runs the model's own check only once every field is valid.
    if (errors.length === 0 && this.data !== null && this.rawData !== null) {
      errors.push({ type: "value_error", loc: [], msg: `Value error, ${CANNOT_SET_BOTH}`, input: options, ctx: { error: new Error(CANNOT_SET_BOTH) } });
    }
    if (errors.length > 0) throw new ValidationError("ServerSentEvent", errors);
  }
}

function checkString(v: unknown, field: string, errors: ErrorDetails[], check?: (v: string) => string | null): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v !== "string") {
    errors.push({ type: "string_type", loc: [field], msg: "Input should be a valid string", input: v });
    return null;
  }
  const problem = check?.(v) ?? null;
  if (problem !== null) errors.push({ type: "value_error", loc: [field], msg: `Value error, ${problem}`, input: v, ctx: { error: new Error(problem) } });
  return v;
}

// pydantic's `int | None` with ge=0, in strict types: JavaScript gives numbers, not numeric text.
function checkRetry(v: unknown, errors: ErrorDetails[]): number | bigint | null {
  if (v === null || v === undefined) return null;
  const fail = (type: string, msg: string, ctx?: Record<string, unknown>): null => {
    errors.push({ type, loc: ["retry"], msg, input: v, ...(ctx && { ctx }) });
    return null;
  };
  if (typeof v === "bigint") return v >= 0n ? v : fail("greater_than_equal", "Input should be greater than or equal to 0", { ge: 0 });
  if (typeof v !== "number") return fail("int_type", "Input should be a valid integer");
  if (!Number.isFinite(v)) return fail("finite_number", "Input should be a finite number");
  if (!Number.isInteger(v)) return fail("int_from_float", "Input should be a valid integer, got a number with a fractional part");
  return v >= 0 ? v + 0 : fail("greater_than_equal", "Input should be greater than or equal to 0", { ge: 0 });
}

// Split on the SSE line terminators only (\n, \r\n, \r), keeping trailing empty strings.
function splitSseLines(value: string): string[] {
  return value.replaceAll("\r\n", "\n").replaceAll("\r", "\n").split("\n");
}

export interface FormatSseEventOptions {
  /** Already serialized data for the `data:` field (one `data:` line per line of it). */
  dataStr?: string | null;
  /** The `event:` field. */
  event?: string | null;
  /** The `id:` field. */
  id?: string | null;
  /** The `retry:` field, in milliseconds. */
  retry?: number | bigint | null;
  /** Comment line(s), each with the ":" prefix. */
  comment?: string | null;
}

/**
 * The SSE wire bytes of one event from already serialized data, as FastAPI's
 * `format_sse_event`; they always end with the "\n\n" that ends an event.
 * Like FastAPI 0.142.2's, it checks nothing: ServerSentEvent checks its fields when made.
 */
export function formatSseEvent(options: FormatSseEventOptions = {}): Uint8Array {
  const { dataStr, event, id, retry, comment } = options;
  const lines: string[] = [];
  if (comment !== null && comment !== undefined) {
    for (const line of splitSseLines(comment)) lines.push(`: ${line}`);
  }
  if (event !== null && event !== undefined) lines.push(`event: ${event}`);
  if (dataStr !== null && dataStr !== undefined) {
    for (const line of splitSseLines(dataStr)) lines.push(`data: ${line}`);
  }
  if (id !== null && id !== undefined) lines.push(`id: ${id}`);
  // An integral number prints as Python's int does (1e21 as its 22 digits, not "1e+21").
  if (retry !== null && retry !== undefined) lines.push(`retry: ${typeof retry === "number" && Number.isInteger(retry) ? BigInt(retry) : retry}`);
  lines.push("", "");
  return encodeUtf8(lines.join("\n"));
}

/**
 * The wire bytes of a ServerSentEvent, as FastAPI's request handler writes one: `rawData` as
 * it is, else `data` through jsonableEncoder and `dumps` (FastAPI uses Python's json.dumps
 * with its defaults: ", " and ": " separators, non-ASCII escaped), else no data field.
 */
export function encodeServerSentEvent(item: ServerSentEvent, dumps: (value: unknown) => string): Uint8Array {
  const dataStr = item.rawData !== null ? item.rawData : item.data !== null ? dumps(jsonableEncoder(item.data)) : null;
  return formatSseEvent({ dataStr, event: item.event, id: item.id, retry: item.retry, comment: item.comment });
}

/** The keep-alive comment the SSE spec recommends. */
export const KEEPALIVE_COMMENT: Uint8Array = Buffer.from(": ping\n\n", "utf8");

/** Seconds between keep-alive pings while a generator is idle (the handler should let tests shorten it). */
export const _PING_INTERVAL = 15.0;
