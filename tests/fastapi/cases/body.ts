// Cases for tests/python/fastapi_apps/body.py (docs_src/body, docs_src/strict_content_type).
// Floats with a zero fraction are kept out of exact cases (Python writes 1.0, JS 1).
import type { Case } from "../differential.js";

const item = { name: "Foo", description: "An optional description", price: 45.2, tax: 3.5 };

export const cases: Case[] = [
  // tutorial001
  { name: "t001: full item", method: "POST", path: "/items/", json: item, expect: 200 },
  { name: "t001: only the required fields", method: "POST", path: "/items/", json: { name: "Foo", price: 50.5 }, expect: 200 },
  { name: "t001: an int price comes back as a float", method: "POST", path: "/items/", json: { name: "Foo", price: 50 }, expect: 200 },
  { name: "t001: a numeric string price is coerced", method: "POST", path: "/items/", json: { name: "Foo", price: "50.5" }, expect: 200 },
  { name: "t001: price not a number", method: "POST", path: "/items/", json: { name: "Foo", price: "fifty" }, expect: 422, exact: true },
  { name: "t001: a bool price is coerced to 1.0", method: "POST", path: "/items/", json: { name: "Foo", price: true }, expect: 200 },
  { name: "t001: name an int is not coerced", method: "POST", path: "/items/", json: { name: 42, price: 1.5 }, expect: 422, exact: true },
  { name: "t001: price missing (pydantic's missing)", method: "POST", path: "/items/", json: { name: "Foo" }, expect: 422, exact: true },
  { name: "t001: everything missing in an empty object", method: "POST", path: "/items/", json: {}, expect: 422, exact: true },
  { name: "t001: null description and tax", method: "POST", path: "/items/", json: { name: "Foo", price: 1.5, description: null, tax: null }, expect: 200 },
  { name: "t001: extra fields are dropped", method: "POST", path: "/items/", json: { name: "Foo", price: 1.5, color: "red" }, expect: 200 },
  { name: "t001: __proto__ and constructor keys", method: "POST", path: "/items/", body: '{"__proto__":{"price":1},"constructor":{"x":1},"name":"Foo","price":2.5}', headers: [["content-type", "application/json"]], expect: 200 },
  { name: "t001: __proto__ supplying a missing field does not count", method: "POST", path: "/items/", body: '{"name":"Foo","__proto__":{"price":2.5}}', headers: [["content-type", "application/json"]], expect: 422, exact: true },
  { name: "t001: duplicate keys: the last wins", method: "POST", path: "/items/", body: '{"name":"A","name":"B","price":1.5}', headers: [["content-type", "application/json"]], expect: 200 },
  { name: "t001: a list instead of an object", method: "POST", path: "/items/", json: [item], expect: 422, exact: true },
  { name: "t001: a string instead of an object", method: "POST", path: "/items/", json: "Foo", expect: 422, exact: true },
  { name: "t001: JSON null is a missing body", method: "POST", path: "/items/", json: null, expect: 422, exact: true },
  { name: "t001: no body", method: "POST", path: "/items/", expect: 422, exact: true },
  { name: "t001: malformed JSON", method: "POST", path: "/items/", body: '{"name": "Foo", "price": ', headers: [["content-type", "application/json"]], expect: 422, exact: true },
  { name: "t001: malformed JSON, error further in", method: "POST", path: "/items/", body: '{"name": "Foo", "price": 1.5,}', headers: [["content-type", "application/json"]], expect: 422, exact: true },
  { name: "t001: invalid UTF-8 in JSON", method: "POST", path: "/items/", body: new Uint8Array([0x7b, 0x22, 0x6e, 0xff, 0x22, 0x3a, 0x31, 0x7d]), headers: [["content-type", "application/json"]], expect: 400 },
  { name: "t001: JSON sent as text/plain", method: "POST", path: "/items/", body: JSON.stringify(item), headers: [["content-type", "text/plain"]], expect: 422, exact: true },
  { name: "t001: JSON without a content-type", method: "POST", path: "/items/", body: JSON.stringify(item), expect: 422, exact: true },
  { name: "t001: a +json content-type is JSON", method: "POST", path: "/items/", body: JSON.stringify(item), headers: [["content-type", "application/vnd.api+json"]], expect: 200 },
  { name: "t001: content-type with charset", method: "POST", path: "/items/", body: JSON.stringify(item), headers: [["content-type", "application/json; charset=utf-8"]], expect: 200 },
  { name: "t001: form-encoded body", method: "POST", path: "/items/", form: { name: "Foo", price: "1.5" }, expect: 422, exact: true },
  { name: "t001: a 100 000-character name", method: "POST", path: "/items/", json: { name: "x".repeat(100_000), price: 1.5 }, expect: 200 },
  { name: "t001: a price of 1e400 becomes inf, which JSON cannot carry", method: "POST", path: "/items/", body: '{"name":"Foo","price":1e400}', headers: [["content-type", "application/json"]], expect: 500, compare: "status", pythonOnly: "zod's z.number() refuses Infinity, which pydantic's float takes (FastAPI then fails to write it as JSON: a 500)" },
  { name: "t001: non-ASCII text", method: "POST", path: "/items/", json: { name: "Café 😀", price: 2.5 }, expect: 200 },
  { name: "t001: GET is not allowed", method: "GET", path: "/items/", expect: 405 },
  // tutorial002
  { name: "t002: price_with_tax added", method: "POST", path: "/t002/items/", json: { name: "Foo", price: 10.1, tax: 0.2 }, expect: 200 },
  { name: "t002: no tax, no price_with_tax", method: "POST", path: "/t002/items/", json: { name: "Foo", price: 10.5 }, expect: 200 },
  // tutorial003
  { name: "t003: path and body", method: "PUT", path: "/items/5", json: item, expect: 200 },
  { name: "t003: path and body both invalid", method: "PUT", path: "/items/x", json: { name: "Foo" }, expect: 422, exact: true },
  // tutorial004
  { name: "t004: path, body and query", method: "PUT", path: "/t004/items/5?q=hi", json: item, expect: 200 },
  // strict_content_type=False
  { name: "lenient: JSON without a content-type is read", method: "POST", path: "/lenient/items/", body: '{"name":"Foo","price":2.5}', expect: 200 },
  { name: "lenient: text/plain is still not JSON", method: "POST", path: "/lenient/items/", body: '{"name":"Foo","price":2.5}', headers: [["content-type", "text/plain"]], expect: 422, exact: true },
  { name: "lenient: malformed JSON without a content-type", method: "POST", path: "/lenient/items/", body: '{"name":', expect: 422, exact: true },
];
