// Cases for tests/python/fastapi_apps/body_nested_models.py (docs_src/body_nested_models).
// Sets come back in hash order: set-valued cases keep at most one distinct tag.
import type { Case } from "../differential.js";

const base = { name: "Foo", price: 42.5 };
const image = { url: "http://example.com/baz.jpg", name: "The Foo live" };

export const cases: Case[] = [
  // tutorial001: list of anything
  { name: "t001: tags of any type", method: "PUT", path: "/t001/items/1", json: { ...base, tags: ["a", 1, null, { x: 1 }] }, expect: 200 },
  { name: "t001: tags default", method: "PUT", path: "/t001/items/1", json: base, expect: 200 },
  { name: "t001: tags a string is not a list", method: "PUT", path: "/t001/items/1", json: { ...base, tags: "abc" }, expect: 422, exact: true },
  { name: "t001: tags an object is not a list", method: "PUT", path: "/t001/items/1", json: { ...base, tags: { a: 1 } }, expect: 422, exact: true },
  // tutorial002: list[str]
  { name: "t002: tags of strings, order and duplicates kept", method: "PUT", path: "/t002/items/1", json: { ...base, tags: ["b", "a", "b"] }, expect: 200 },
  { name: "t002: a non-string tag", method: "PUT", path: "/t002/items/1", json: { ...base, tags: ["a", 1] }, expect: 422, exact: true },
  { name: "t002: tags null", method: "PUT", path: "/t002/items/1", json: { ...base, tags: null }, expect: 422, exact: true },
  // tutorial003: set[str]
  { name: "t003: duplicate tags collapse", method: "PUT", path: "/t003/items/1", json: { ...base, tags: ["rock", "rock", "rock"] }, expect: 200 },
  { name: "t003: empty set", method: "PUT", path: "/t003/items/1", json: { ...base, tags: [] }, expect: 200 },
  { name: "t003: a non-string in the set", method: "PUT", path: "/t003/items/1", json: { ...base, tags: ["a", 2] }, expect: 422, exact: true },
  // tutorial004: nested model
  { name: "t004: with image", method: "PUT", path: "/t004/items/1", json: { ...base, image }, expect: 200 },
  { name: "t004: image without url", method: "PUT", path: "/t004/items/1", json: { ...base, image: { name: "x" } }, expect: 422, exact: true },
  { name: "t004: image null", method: "PUT", path: "/t004/items/1", json: { ...base, image: null }, expect: 200 },
  { name: "t004: image is a list", method: "PUT", path: "/t004/items/1", json: { ...base, image: [image] }, expect: 422, exact: true },
  { name: "t004: any string is a url here", method: "PUT", path: "/t004/items/1", json: { ...base, image: { url: "not a url", name: "x" } }, expect: 200 },
  // tutorial005: HttpUrl
  { name: "t005: a url gets its trailing slash", method: "PUT", path: "/t005/items/1", json: { ...base, image: { url: "http://example.com", name: "x" } }, expect: 200 },
  { name: "t005: url with path kept", method: "PUT", path: "/t005/items/1", json: { ...base, image }, expect: 200 },
  { name: "t005: host lower-cased", method: "PUT", path: "/t005/items/1", json: { ...base, image: { url: "HTTP://EXAMPLE.com/A", name: "x" } }, expect: 200 },
  { name: "t005: not a url", method: "PUT", path: "/t005/items/1", json: { ...base, image: { url: "not a url", name: "x" } }, expect: 422, compare: "status+loc" },
  { name: "t005: ftp is not http", method: "PUT", path: "/t005/items/1", json: { ...base, image: { url: "ftp://example.com/a", name: "x" } }, expect: 422, compare: "status+loc" },
  // tutorial006: list of nested models
  { name: "t006: two images", method: "PUT", path: "/t006/items/1", json: { ...base, images: [image, { url: "http://example.com/dave.jpg", name: "The Baz" }] }, expect: 200 },
  { name: "t006: second image invalid", method: "PUT", path: "/t006/items/1", json: { ...base, images: [image, { url: "x", name: 1 }] }, expect: 422, compare: "status+loc" },
  // tutorial007: deeply nested
  { name: "t007: offer with items with images", method: "POST", path: "/offers/", json: { name: "Offer", price: 99.5, items: [{ ...base, tags: ["x"], images: [image] }] }, expect: 200 },
  { name: "t007: an error three levels down", method: "POST", path: "/offers/", json: { name: "Offer", price: 99.5, items: [{ ...base, images: [{ url: "http://a.com", name: "a" }, { name: "b" }] }] }, expect: 422, exact: true },
  { name: "t007: items missing", method: "POST", path: "/offers/", json: { name: "Offer", price: 99.5 }, expect: 422, exact: true },
  // tutorial008: a list body
  { name: "t008: list of images", method: "POST", path: "/images/multiple/", json: [image, image], expect: 200 },
  { name: "t008: empty list", method: "POST", path: "/images/multiple/", json: [], expect: 200 },
  { name: "t008: an object is not a list", method: "POST", path: "/images/multiple/", json: image, expect: 422, exact: true },
  { name: "t008: no body", method: "POST", path: "/images/multiple/", expect: 422, exact: true },
  // tutorial009: dict[int, float]
  // exact: JSON.parse puts integer-like keys first, so only the bytes show Python's order
  { name: "t009: int keys, float values, in the order sent", method: "POST", path: "/index-weights/", body: '{"1": 2.5, "-2": 3.5, "007": 0.5}', headers: [["content-type", "application/json"]], expect: 200, exact: true, pythonOnly: "a JS object puts integer-like keys first (1, 7, -2), where Python's dict keeps the order sent (1, -2, 7)" },
  { name: "t009: keys spelt otherwise come back as ints", method: "POST", path: "/index-weights/", body: '{"007": 0.5, " -2": 3.5}', headers: [["content-type", "application/json"]], expect: 200, exact: true },
  { name: "t009: an int value becomes a float", method: "POST", path: "/index-weights/", json: { "3": 3 }, expect: 200 },
  { name: "t009: a key that is not an int", method: "POST", path: "/index-weights/", json: { "1": 2.5, foo: 3.5 }, expect: 422, exact: true },
  { name: "t009: __proto__ as a key", method: "POST", path: "/index-weights/", body: '{"__proto__": 1.5}', headers: [["content-type", "application/json"]], expect: 422, exact: true, pythonOnly: "zod skips a record's __proto__ key (its guard against prototype pollution, a hazard of JS objects), where pydantic validates it as a key (int_parsing)" },
  { name: "t009: a value that is not a number", method: "POST", path: "/index-weights/", json: { "1": "heavy" }, expect: 422, exact: true },
  { name: "t009: empty", method: "POST", path: "/index-weights/", json: {}, expect: 200 },
  { name: "t009: keys that collide once parsed: the last wins", method: "POST", path: "/index-weights/", body: '{"1": 1.5, "01": 2.5}', headers: [["content-type", "application/json"]], expect: 200 },
];
