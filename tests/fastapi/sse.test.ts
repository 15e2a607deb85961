// Port of FastAPI's tests/test_sse.py (the parts of fastapi/sse.py; the streaming route is the
// handler's), and a differential test against the real fastapi.sse (tests/python/fastapi_sse.py).
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { ErrorDetails } from "../../src/fastapi/_compat/errors.js";
import { jsonableEncoder } from "../../src/fastapi/encoders.js";
import {
  _PING_INTERVAL,
  _SSE_EVENT_SCHEMA,
  encodeServerSentEvent,
  EventSourceResponse,
  formatSseEvent,
  KEEPALIVE_COMMENT,
  ServerSentEvent,
  ValidationError,
  type FormatSseEventOptions,
  type ServerSentEventOptions,
} from "../../src/fastapi/sse.js";
import { dumps } from "../../src/itsdangerous/_json.js";
import { StreamingResponse, type ResponseOptions } from "../../src/responses.js";
import { TestClient } from "../../src/testclient.js";
import { thrown } from "../helpers.js";
import { requirePython, runPython } from "../python.js";

const SNAKE: Record<string, string> = { dataStr: "data_str", rawData: "raw_data", statusCode: "status_code", mediaType: "media_type" };

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * A value as the Python script reads it: snake_case keywords, and what JSON cannot hold marked.
 * A whole `retry` number stands for a Python int (1e21 is 10**21); other numbers are floats.
 */
function toPython(value: unknown, key?: string): unknown {
  if (typeof value === "bigint") return value >= -SAFE && value <= SAFE ? Number(value) : { $int: value.toString() };
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { $float: Number.isNaN(value) ? "nan" : value > 0 ? "inf" : "-inf" };
    if (key === "retry" && Number.isInteger(value) && !Number.isSafeInteger(value)) return { $int: BigInt(value).toString() };
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => toPython(v));
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [SNAKE[k] ?? k, toPython(v, k)]));
  return value;
}

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString("hex");
const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString("utf8");

const FORMAT_CASES: FormatSseEventOptions[] = [
  {},
  { dataStr: "hello" },
  { dataStr: "" },
  { dataStr: "a\nb" },
  { dataStr: "a\r\nb" },
  { dataStr: "a\rb" },
  { dataStr: "a\n" },
  { dataStr: "\n" },
  { dataStr: "a\r\n\r\nb" },
  { dataStr: "\r\r\n\n\r" },
  { dataStr: "Zoë ☕ 東京 😀" },
  { dataStr: "line\u2028sep\u0085next\u000bvt\fff" },
  { comment: "just a comment" },
  { comment: "" },
  { comment: "c1\nc2\r\nc3\r" },
  { event: "", id: "", comment: "", dataStr: "" },
  { event: "greeting", dataStr: '"hello"', id: "1" },
  { retry: 0 },
  { retry: 5000 },
  { retry: 2 ** 53 - 1 },
  { retry: 1e21 },
  { retry: 2n ** 70n },
  { retry: 1.5 },
  { retry: -1 },
  { comment: "c", event: "e", dataStr: "d1\nd2", id: "i", retry: 3 },
  { dataStr: "x", event: null, id: null, retry: null, comment: null },
  // FastAPI 0.142.2's format_sse_event checks nothing (later versions do): the bytes are as given.
  { event: "legit\ndata: injected", dataStr: "safe" },
  { id: "has\0null" },
];

const EVENT_CASES: ServerSentEventOptions[] = [
  {},
  { data: "hello", event: "greeting", id: "1" },
  { data: { key: "value" }, event: "json-data", id: "2" },
  { comment: "just a comment" },
  { data: "retry-test", retry: 5000 },
  { data: "plain text data" },
  { rawData: "plain text without quotes" },
  { rawData: "<div>html\nfragment</div>", event: "html" },
  { rawData: "cpu,87.3,1709145600", event: "csv" },
  { rawData: "" },
  { data: { name: "Zoë ☕", list: [1, 2.5, null, true, "😀"], nested: { "ké": [] } } },
  { data: "multi\nline\r\n" },
  { data: 0 },
  { data: false },
  { data: "" },
  { data: [] },
  { data: null, event: "only-event" },
  { data: 1e100 },
  { retry: -0 },
  { retry: 2n ** 70n },
  { id: "", event: "", comment: "" },
  // Errors.
  { data: "test", id: "first\nsecond" },
  { data: "test", id: "first\rsecond" },
  { data: "test", id: "first\r\nsecond" },
  { data: "test", event: "first\nsecond" },
  { data: "test", event: "first\rsecond" },
  { data: "test", event: "first\r\nsecond" },
  { data: "test", id: "has\0null" },
  { id: "a\0\nb" },
  { data: "test", retry: -1 },
  { data: "test", retry: 1.5 },
  { retry: -1.5 },
  { retry: NaN },
  { retry: Infinity },
  { retry: -2n },
  { retry: [1] as unknown as number },
  { data: "json", rawData: "raw" },
  { data: 0, rawData: "" },
  { event: 3 as unknown as string },
  { comment: 3 as unknown as string },
  { rawData: 3 as unknown as string },
  { id: "a\nb", event: "c\nd", retry: -1 },
  { id: "x\ny", data: 1, rawData: "r" },
];

const RESPONSE_CASES: ResponseOptions[] = [{}, { statusCode: 201, headers: { "x-a": "b" } }, { mediaType: "text/plain" }, { headers: { "content-type": "text/event-stream" } }];

interface PythonEvent {
  bytes?: string;
  "content-type"?: string;
  error?: string;
  errors?: ErrorDetails[];
}

/** pydantic's text without what ValidationError here leaves out: the input's repr and the link. */
function withoutReprAndLinks(message: string): string {
  return message.replace(/, input_value=.*, input_type=\w+\]$/gm, "]").replace(/\n {4}For further information visit \S+/g, "");
}

/** errors() as the script writes them: Python's keyword names in loc and input, the ctx error as its text. */
function comparable(errors: ErrorDetails[]): unknown {
  return errors.map((e) => ({
    ...e,
    loc: e.loc.map((part) => SNAKE[part] ?? part),
    input: toPython(e.input),
    ...(e.ctx && { ctx: Object.fromEntries(Object.entries(e.ctx).map(([k, v]) => [k, v instanceof Error ? v.message : v])) }),
  }));
}

function pythonInput(errors: ErrorDetails[]): unknown {
  return errors.map((e) => ({ ...e, input: toPython(e.input) }));
}

if (requirePython("fastapi")) {
  const python = runPython<{ format: string[]; events: PythonEvent[]; responses: Array<[string, string]>[]; keepalive: string; ping_interval: number; schema: unknown }>("fastapi_sse", {
    format: FORMAT_CASES.map((c) => toPython(c)),
    events: EVENT_CASES.map((c) => toPython(c)),
    responses: RESPONSE_CASES.map((c) => toPython(c)),
  });

  test("formatSseEvent writes the bytes format_sse_event writes", () => {
    FORMAT_CASES.forEach((options, i) => assert.is(hex(formatSseEvent(options)), python.format[i], JSON.stringify(toPython(options))));
  });

  test("ServerSentEvent: the bytes a FastAPI app streams for it, or pydantic's errors", () => {
    let failures = 0;
    EVENT_CASES.forEach((options, i) => {
      const name = JSON.stringify(toPython(options));
      const expected = python.events[i];
      let event: ServerSentEvent;
      try {
        event = new ServerSentEvent(options);
      } catch (error) {
        assert.instance(error, ValidationError, name);
        const e = error as ValidationError;
        assert.ok(expected.error !== undefined, `${name}: Python accepted it`);
        // loc names the option given (rawData), where pydantic names the field (raw_data).
        assert.is(e.message.replace(/^rawData$/m, "raw_data"), withoutReprAndLinks(expected.error as string), name);
        assert.equal(comparable(e.errors()), pythonInput(expected.errors as ErrorDetails[]), name);
        failures++;
        return;
      }
      assert.is(expected.error, undefined, `${name}: Python rejected it`);
      assert.is(hex(encodeServerSentEvent(event, (v) => dumps(v))), expected.bytes, name);
      assert.is(new EventSourceResponse([]).headers.get("content-type"), expected["content-type"]);
    });
    assert.ok(failures >= 20, `the error cases ran (${failures})`);
  });

  test("EventSourceResponse's headers are the real EventSourceResponse's", () => {
    RESPONSE_CASES.forEach((options, i) => assert.equal(new EventSourceResponse([], options).rawHeaders, python.responses[i], JSON.stringify(options)));
  });

  test("KEEPALIVE_COMMENT, _PING_INTERVAL and _SSE_EVENT_SCHEMA are FastAPI's", () => {
    assert.is(hex(KEEPALIVE_COMMENT), python.keepalive);
    assert.is(_PING_INTERVAL, python.ping_interval);
    assert.equal(_SSE_EVENT_SCHEMA, python.schema);
  });
}

// ---------------------------------------------------------------- FastAPI's own tests

test("test_server_sent_event_null_id_rejected", () => {
  assert.match(thrown(() => new ServerSentEvent({ data: "test", id: "has\0null" })).message, "null");
});

test("test_server_sent_event_single_line_fields_reject_newlines", () => {
  for (const field of ["event", "id"] as const) {
    for (const value of ["first\nsecond", "first\rsecond", "first\r\nsecond"]) {
      const error = thrown(() => new ServerSentEvent({ data: "test", [field]: value }));
      assert.instance(error, ValidationError);
      assert.match(error.message, `SSE '${field}' must be a single line`);
    }
  }
});

test("test_server_sent_event_negative_retry_rejected", () => {
  assert.instance(thrown(() => new ServerSentEvent({ data: "test", retry: -1 })), ValidationError);
});

test("test_server_sent_event_float_retry_rejected", () => {
  assert.instance(thrown(() => new ServerSentEvent({ data: "test", retry: 1.5 })), ValidationError);
});

test("test_data_and_raw_data_mutually_exclusive", () => {
  const error = thrown(() => new ServerSentEvent({ data: "json", rawData: "raw" })) as ValidationError;
  assert.match(error.message, "Cannot set both");
  assert.is(error.message, "1 validation error for ServerSentEvent\n  Value error, Cannot set both 'data' and 'raw_data' on the same ServerSentEvent. Use 'data' for JSON-serialized payloads or 'raw_data' for pre-formatted strings. [type=value_error]");
  assert.equal(error.errors()[0].loc, []);
});

test("test_sse_events_with_fields: what the handler writes for each event", () => {
  const wire = [
    new ServerSentEvent({ data: "hello", event: "greeting", id: "1" }),
    new ServerSentEvent({ data: { key: "value" }, event: "json-data", id: "2" }),
    new ServerSentEvent({ comment: "just a comment" }),
    new ServerSentEvent({ data: "retry-test", retry: 5000 }),
  ].map((e) => text(encodeServerSentEvent(e, (v) => dumps(v)))).join("");
  for (const part of ["event: greeting\n", 'data: "hello"\n', "id: 1\n", "event: json-data\n", "id: 2\n", 'data: {"key": "value"}\n', ": just a comment\n", "retry: 5000\n", 'data: "retry-test"\n']) {
    assert.ok(wire.includes(part), part);
  }
});

test("test_raw_data_sent_without_json_encoding", () => {
  const wire = text(encodeServerSentEvent(new ServerSentEvent({ rawData: "plain text without quotes" }), (v) => dumps(v)));
  assert.is(wire, "data: plain text without quotes\n\n");
});

test("test_format_sse_event_injection_prevented: the event checks its fields, format_sse_event does not", () => {
  assert.instance(thrown(() => new ServerSentEvent({ event: "legit\ndata: injected", data: "safe" })), ValidationError);
  assert.is(text(formatSseEvent({ event: "legit\ndata: injected", dataStr: "safe" })), "event: legit\ndata: injected\ndata: safe\n\n");
});

// ---------------------------------------------------------------- the rest

test("ServerSentEvent keeps its fields; data is jsonable-encoded by the handler only", () => {
  const when = new Date(0);
  const event = new ServerSentEvent({ data: { when }, event: "e", id: "i", retry: 10, comment: "c" });
  assert.equal({ ...event }, { data: { when }, rawData: null, event: "e", id: "i", retry: 10, comment: "c" });
  assert.is(text(encodeServerSentEvent(event, (v) => JSON.stringify(v))), ': c\nevent: e\ndata: {"when":"1970-01-01T00:00:00+00:00"}\nid: i\nretry: 10\n\n');
  assert.equal({ ...new ServerSentEvent() }, { data: null, rawData: null, event: null, id: null, retry: null, comment: null });
  assert.is(new ServerSentEvent({ retry: -0 }).retry, 0);
  assert.ok(Object.is(new ServerSentEvent({ retry: -0 }).retry, 0), "-0 is 0, as Python's int(-0.0)");
  // The dumps given is used for data only; it sees what jsonableEncoder made.
  const seen: unknown[] = [];
  encodeServerSentEvent(new ServerSentEvent({ data: new Set([1]) }), (v) => (seen.push(v), "[1]"));
  assert.equal(seen, [jsonableEncoder(new Set([1]))]);
});

test("ValidationError: pydantic's title, count and errors()", () => {
  const error = thrown(() => new ServerSentEvent({ id: "a\nb", event: "c\nd", retry: -1 })) as ValidationError;
  assert.is(error.name, "ValidationError");
  assert.is(error.title, "ServerSentEvent");
  assert.is(
    error.message,
    "3 validation errors for ServerSentEvent\nevent\n  Value error, SSE 'event' must be a single line [type=value_error]\nid\n  Value error, SSE 'id' must be a single line [type=value_error]\nretry\n  Input should be greater than or equal to 0 [type=greater_than_equal]",
  );
  assert.equal(error.errors()[2], { type: "greater_than_equal", loc: ["retry"], msg: "Input should be greater than or equal to 0", input: -1, ctx: { ge: 0 } });
  // FastAPI's 422 bodies pass ctx through jsonable_encoder: a ValueError there is {}.
  assert.equal(jsonableEncoder(error.errors()[0].ctx), { error: {} });
});

test("retry takes JavaScript numbers and bigints, not numeric text or booleans (pydantic's lax mode would)", () => {
  for (const retry of ["5", true]) {
    const error = thrown(() => new ServerSentEvent({ retry: retry as unknown as number })) as ValidationError;
    assert.equal(error.errors(), [{ type: "int_type", loc: ["retry"], msg: "Input should be a valid integer", input: retry }]);
  }
  assert.is(new ServerSentEvent({ retry: 1e21 }).retry, 1e21);
  assert.is(text(formatSseEvent({ retry: 1e21 })), "retry: 1000000000000000000000\n\n");
});

test("EventSourceResponse is a StreamingResponse with text/event-stream", async () => {
  const response = new EventSourceResponse([formatSseEvent({ dataStr: "1" }), KEEPALIVE_COMMENT]);
  assert.instance(response, StreamingResponse);
  assert.is(response.mediaType, "text/event-stream");
  const client = new TestClient((scope, receive, send) => response.call(scope, receive, send));
  const got = await client.get("/");
  assert.is(got.text, "data: 1\n\n: ping\n\n");
  assert.is(got.headers.get("content-type"), "text/event-stream; charset=utf-8");
});

test.run();
