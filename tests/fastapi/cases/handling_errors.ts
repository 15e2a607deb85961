// Cases for tests/python/fastapi_apps/handling_errors.py (docs_src/handling_errors).
import type { Case } from "../differential.js";

export const cases: Case[] = [
  // tutorial001
  { name: "t001: found", method: "GET", path: "/items/foo", expect: 200 },
  { name: "t001: 404 from HTTPException", method: "GET", path: "/items/bar", expect: 404, exact: true },
  { name: "t001: 404 for an unknown route", method: "GET", path: "/nowhere", expect: 404, exact: true },
  { name: "t001: 405 for a wrong method", method: "DELETE", path: "/items/foo", expect: 405, exact: true },
  // tutorial002
  { name: "t002: found, no X-Error", method: "GET", path: "/items-header/foo", expect: 200, compareHeaders: ["x-error"] },
  { name: "t002: 404 with X-Error", method: "GET", path: "/items-header/bar", expect: 404, compareHeaders: ["x-error"] },
  // tutorial003
  { name: "t003: a unicorn", method: "GET", path: "/unicorns/sparkle", expect: 200 },
  { name: "t003: yolo raises UnicornException: 418", method: "GET", path: "/unicorns/yolo", expect: 418, exact: true },
  // not in the docs
  { name: "detail as a dict", method: "GET", path: "/items-dict/bar", expect: 404 },
  { name: "detail as a dict, byte for byte", method: "GET", path: "/items-dict/bar", expect: 404, exact: true },
  { name: "401 with WWW-Authenticate", method: "GET", path: "/secure", expect: 401 },
  { name: "authenticated", method: "GET", path: "/secure?token=secret", expect: 200 },
  // tutorial004: plain-text handlers (the 400's text holds pydantic's message and a Python tuple,
  // which the TS twin writes as Python's repr does)
  { name: "t004: found", method: "GET", path: "/t004/items/2", expect: 200 },
  { name: "t004: HTTPException as plain text", method: "GET", path: "/t004/items/3", expect: 418 },
  { name: "t004: validation error as plain text 400", method: "GET", path: "/t004/items/foo", expect: 400, exact: true },
  { name: "t004: an unknown route inside the mount is plain text too", method: "GET", path: "/t004/nowhere", expect: 404 },
  { name: "t004: 405 inside the mount is plain text", method: "POST", path: "/t004/items/2", expect: 405 },
  { name: "t004: the mount without a trailing slash redirects", method: "GET", path: "/t004", expect: 307 },
  // tutorial005: the handler echoes the body
  { name: "t005: valid", method: "POST", path: "/t005/items/", json: { title: "towel", size: 5 }, expect: 200 },
  { name: "t005: invalid size, body echoed", method: "POST", path: "/t005/items/", json: { title: "towel", size: "XL" }, expect: 422, exact: true },
  { name: "t005: missing title, body echoed", method: "POST", path: "/t005/items/", json: { size: 5 }, expect: 422, exact: true },
  { name: "t005: no body: body null", method: "POST", path: "/t005/items/", expect: 422, exact: true },
  { name: "t005: malformed JSON: the raw text echoed", method: "POST", path: "/t005/items/", body: '{"title": "towel", "size":', headers: [["content-type", "application/json"]], expect: 422, exact: true },
  // tutorial006: handlers that log and reuse FastAPI's
  { name: "t006: found", method: "GET", path: "/t006/items/1", expect: 200 },
  { name: "t006: HTTPException through the default handler", method: "GET", path: "/t006/items/3", expect: 418, exact: true },
  { name: "t006: validation error through the default handler", method: "GET", path: "/t006/items/foo", expect: 422, exact: true },
  { name: "t006: 404 through the default handler", method: "GET", path: "/t006/nowhere", expect: 404, exact: true },
];
