// Cases for tests/python/fastapi_apps/server_sent_events.py (docs_src/server_sent_events).
// Bodies are compared as text (text/event-stream), so byte for byte.
import type { Case } from "../differential.js";

const sse = ["cache-control", "x-accel-buffering"];
// FastAPI writes a pydantic model given as ServerSentEvent data with model_dump_json (compact
// JSON) and a dict with json.dumps (", " and ": "). JavaScript has no model instances: what a
// schema validated is a plain object, which the layer writes as FastAPI writes a dict.
const MODEL_DATA = "JavaScript has no model instances: a ServerSentEvent's data is written as json.dumps writes a dict, where FastAPI writes a pydantic model compactly";

export const cases: Case[] = [
  // tutorial001
  { name: "t001: async, annotated", method: "GET", path: "/items/stream", expect: 200, compareHeaders: sse },
  { name: "t001: sync, annotated", method: "GET", path: "/items/stream-no-async", expect: 200, compareHeaders: sse },
  { name: "t001: async, no annotation", method: "GET", path: "/items/stream-no-annotation", expect: 200, compareHeaders: sse },
  { name: "t001: sync, no annotation", method: "GET", path: "/items/stream-no-async-no-annotation", expect: 200, compareHeaders: sse },
  { name: "t001: with Accept: text/event-stream", method: "GET", path: "/items/stream", headers: [["accept", "text/event-stream"]], expect: 200, compareHeaders: sse },
  // tutorial002
  { name: "t002: comment, event, id, retry", method: "GET", path: "/t002/items/stream", expect: 200, compareHeaders: sse, pythonOnly: MODEL_DATA },
  // tutorial003
  { name: "t003: raw data", method: "GET", path: "/logs/stream", expect: 200, compareHeaders: sse },
  // tutorial004
  { name: "t004: from the start", method: "GET", path: "/t004/items/stream", expect: 200, compareHeaders: sse, pythonOnly: MODEL_DATA },
  { name: "t004: resume after id 0", method: "GET", path: "/t004/items/stream", headers: [["Last-Event-ID", "0"]], expect: 200, compareHeaders: sse, pythonOnly: MODEL_DATA },
  { name: "t004: resume after the last: no events", method: "GET", path: "/t004/items/stream", headers: [["Last-Event-ID", "2"]], expect: 200, compareHeaders: sse },
  { name: "t004: a negative id", method: "GET", path: "/t004/items/stream", headers: [["Last-Event-ID", "-5"]], expect: 200, pythonOnly: MODEL_DATA },
  { name: "t004: an id that is not an int", method: "GET", path: "/t004/items/stream", headers: [["Last-Event-ID", "abc"]], expect: 422, exact: true },
  // tutorial005
  { name: "t005: tokens then done", method: "POST", path: "/chat/stream", json: { text: "hello  streaming\tworld" }, expect: 200, compareHeaders: sse },
  { name: "t005: non-ASCII and quotes are JSON-encoded", method: "POST", path: "/chat/stream", json: { text: 'café "quoted" 😀' }, expect: 200 },
  { name: "t005: empty text: only done", method: "POST", path: "/chat/stream", json: { text: "" }, expect: 200 },
  { name: "t005: text missing", method: "POST", path: "/chat/stream", json: {}, expect: 422, exact: true },
  { name: "t005: no body", method: "POST", path: "/chat/stream", expect: 422, exact: true },
  { name: "t005: malformed JSON", method: "POST", path: "/chat/stream", body: "{", headers: [["content-type", "application/json"]], expect: 422, exact: true },
  { name: "t005: GET is not allowed", method: "GET", path: "/chat/stream", expect: 405 },
  // not in the docs
  { name: "multi-line comment and raw data, data with a newline, an empty event", method: "GET", path: "/multiline/stream", expect: 200 },
];
