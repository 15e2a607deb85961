// Cases for tests/python/fastapi_apps/stream_json_lines.py (docs_src/stream_json_lines).
// exact where the bytes differ by serializer: pydantic's compact JSON for annotated
// streams, json.dumps's ", " and ": " for the rest.
import type { Case } from "../differential.js";

export const cases: Case[] = [
  { name: "async, annotated", method: "GET", path: "/items/stream", expect: 200 },
  { name: "async, annotated, byte for byte", method: "GET", path: "/items/stream", expect: 200, exact: true },
  { name: "sync, annotated, byte for byte", method: "GET", path: "/items/stream-no-async", expect: 200, exact: true },
  { name: "async, no annotation, byte for byte", method: "GET", path: "/items/stream-no-annotation", expect: 200, exact: true },
  { name: "sync, no annotation, byte for byte", method: "GET", path: "/items/stream-no-async-no-annotation", expect: 200, exact: true },
  { name: "HEAD of a stream", method: "HEAD", path: "/items/stream", expect: 405 },
  { name: "POST is not allowed", method: "POST", path: "/items/stream", expect: 405 },
  { name: "an item failing the annotation mid-stream cuts the response", method: "GET", path: "/items/stream-invalid", expect: 200 },
  { name: "a limit", method: "GET", path: "/items/stream-limit?limit=1", expect: 200, exact: true },
  { name: "a limit of 0: an empty stream", method: "GET", path: "/items/stream-limit?limit=0", expect: 200, exact: true },
  { name: "a bad limit is a 422 before anything streams", method: "GET", path: "/items/stream-limit?limit=many", expect: 422, exact: true },
];
