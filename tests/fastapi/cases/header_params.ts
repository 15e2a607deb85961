// Cases for tests/python/fastapi_apps/header_params.py (docs_src/header_params).
import type { Case } from "../differential.js";

export const cases: Case[] = [
  // tutorial001
  { name: "no User-Agent", method: "GET", path: "/items/", expect: 200 },
  { name: "User-Agent", method: "GET", path: "/items/", headers: [["User-Agent", "Mozilla/5.0"]], expect: 200 },
  { name: "user-agent in any case", method: "GET", path: "/items/", headers: [["USER-AGENT", "shouty"]], expect: 200 },
  { name: "user_agent with an underscore is not User-Agent", method: "GET", path: "/items/", headers: [["user_agent", "under"]], expect: 200 },
  { name: "two User-Agent lines: the first wins", method: "GET", path: "/items/", headers: [["User-Agent", "first"], ["User-Agent", "second"]], expect: 200 },
  { name: "empty User-Agent", method: "GET", path: "/items/", headers: [["User-Agent", ""]], expect: 200 },
  { name: "User-Agent with Latin-1 bytes", method: "GET", path: "/items/", headers: [["User-Agent", "caf\u00e9"]], expect: 200 },
  // tutorial002: convert_underscores=False
  { name: "strange_header with an underscore", method: "GET", path: "/t002/items/", headers: [["strange_header", "yes"]], expect: 200 },
  { name: "strange-header with a hyphen does not count", method: "GET", path: "/t002/items/", headers: [["strange-header", "no"]], expect: 200 },
  { name: "Strange_Header in another case", method: "GET", path: "/t002/items/", headers: [["Strange_Header", "yes"]], expect: 200 },
  { name: "no strange_header", method: "GET", path: "/t002/items/", expect: 200 },
  // tutorial003: list
  { name: "two X-Token lines", method: "GET", path: "/t003/items/", headers: [["X-Token", "foo"], ["X-Token", "bar"]], expect: 200 },
  { name: "X-Token lines in mixed case", method: "GET", path: "/t003/items/", headers: [["x-token", "one"], ["X-TOKEN", "two"], ["X-Token", "three"]], expect: 200 },
  { name: "one X-Token with a comma stays one value", method: "GET", path: "/t003/items/", headers: [["X-Token", "foo, bar"]], expect: 200 },
  { name: "one X-Token", method: "GET", path: "/t003/items/", headers: [["X-Token", "only"]], expect: 200 },
  { name: "no X-Token", method: "GET", path: "/t003/items/", expect: 200 },
  { name: "x_token with an underscore does not count", method: "GET", path: "/t003/items/", headers: [["x_token", "under"]], expect: 200 },
  { name: "X-Token lines around other headers", method: "GET", path: "/t003/items/", headers: [["X-Token", "a"], ["X-Other", "o"], ["X-Token", "b"]], expect: 200 },
];
