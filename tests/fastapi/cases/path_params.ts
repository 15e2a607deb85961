// Cases for tests/python/fastapi_apps/path_params.py (docs_src/path_params).
import type { Case } from "../differential.js";

export const cases: Case[] = [
  // tutorial001: untyped
  { name: "untyped: a string", method: "GET", path: "/t001/items/foo", expect: 200 },
  { name: "untyped: digits stay a string", method: "GET", path: "/t001/items/3", expect: 200 },
  { name: "untyped: percent-encoded UTF-8 is decoded", method: "GET", path: "/t001/items/caf%C3%A9", expect: 200 },
  { name: "untyped: an encoded slash does not match one segment", method: "GET", path: "/t001/items/a%2Fb", expect: 404 },
  { name: "untyped: __proto__ as the value", method: "GET", path: "/t001/items/__proto__", expect: 200 },
  // tutorial002: int
  { name: "int: 3", method: "GET", path: "/items/3", expect: 200 },
  { name: "int: negative", method: "GET", path: "/items/-7", expect: 200 },
  { name: "int: leading plus and zeros", method: "GET", path: "/items/+007", expect: 200 },
  { name: "int: not a number", method: "GET", path: "/items/foo", expect: 422, exact: true },
  { name: "int: a float", method: "GET", path: "/items/3.5", expect: 422, exact: true },
  { name: "int: a float with zero fraction", method: "GET", path: "/items/3.0", expect: 200 },
  { name: "int: surrounding spaces", method: "GET", path: "/items/%203%20", expect: 200 },
  { name: "int: underscores", method: "GET", path: "/items/1_000", expect: 200 },
  { name: "int: exponent", method: "GET", path: "/items/1e3", expect: 422, exact: true },
  { name: "int: beyond 2**53, byte for byte", method: "GET", path: "/items/9007199254740993", expect: 200, exact: true, pythonOnly: "a JS number holds integers exactly up to 2**53 (z.int() refuses more); Python's int has no bound" },
  { name: "int: 30 digits, byte for byte", method: "GET", path: "/items/100000000000000000000000000000", expect: 200, exact: true, pythonOnly: "a JS number holds integers exactly up to 2**53 (z.int() refuses more); Python's int has no bound" },
  { name: "int: the path wins over a same-named query parameter", method: "GET", path: "/items/3?item_id=5", expect: 200 },
  { name: "int: trailing slash redirects", method: "GET", path: "/items/3/", expect: 307 },
  { name: "int: no value", method: "GET", path: "/items/", expect: 404 },
  { name: "int: POST is not allowed", method: "POST", path: "/items/3", expect: 405 },
  { name: "int: HEAD is not added for GET", method: "HEAD", path: "/items/3", expect: 405 },
  // tutorial003: order matters
  { name: "users/me before users/{user_id}", method: "GET", path: "/users/me", expect: 200 },
  { name: "users/{user_id}", method: "GET", path: "/users/alice", expect: 200 },
  { name: "users/me/ redirects to users/me", method: "GET", path: "/users/me/", expect: 307 },
  // tutorial003b: the first of two routes wins
  { name: "the first /users route answers", method: "GET", path: "/users", expect: 200 },
  { name: "/users/ redirects to /users", method: "GET", path: "/users/", expect: 307 },
  // tutorial004: path convertor
  { name: "file path with slashes", method: "GET", path: "/files/home/johndoe/myfile.txt", expect: 200 },
  { name: "file path starting with a slash", method: "GET", path: "/files//home/johndoe/myfile.txt", expect: 200 },
  { name: "file path: encoded slash and space", method: "GET", path: "/files/a%2Fb%20c", expect: 200 },
  { name: "file path: empty", method: "GET", path: "/files/", expect: 200 },
  // tutorial005: enum
  { name: "enum: alexnet", method: "GET", path: "/models/alexnet", expect: 200 },
  { name: "enum: lenet", method: "GET", path: "/models/lenet", expect: 200 },
  { name: "enum: resnet", method: "GET", path: "/models/resnet", expect: 200 },
  { name: "enum: wrong case", method: "GET", path: "/models/AlexNet", expect: 422, compare: "status+loc" },
  { name: "enum: unknown", method: "GET", path: "/models/vgg", expect: 422, compare: "status+loc" },
  { name: "unknown path", method: "GET", path: "/nowhere", expect: 404 },
];
