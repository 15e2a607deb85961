// The samples of docs/tutorial/body.md against their FastAPI twins.
import { test } from "uvu";
import { app as tutorial001 } from "../../examples/tutorial/body/tutorial001.js";
import { app as tutorial002 } from "../../examples/tutorial/body/tutorial002.js";
import { app as tutorial003 } from "../../examples/tutorial/body/tutorial003.js";
import { app as tutorial004 } from "../../examples/tutorial/body/tutorial004.js";
import { comparePairs, type Exchange } from "./_samples.js";

const dir = "examples/tutorial/body";
const json = { "content-type": "application/json" };

const posts: Exchange[] = [
  { method: "POST", path: "/items/", json: { name: "Foo", description: "An optional description", price: 45.2, tax: 3.5 } },
  { method: "POST", path: "/items/", json: { name: "Foo", price: 45.2 } },
  { method: "POST", path: "/items/", json: { name: "Foo", price: "45.2" } },
  { method: "POST", path: "/items/", json: { name: "Foo", price: 45, extra: "ignored" } },
  // The wrong type, a missing field, several errors at once.
  { method: "POST", path: "/items/", json: { name: "Foo", price: "forty-five" } },
  { method: "POST", path: "/items/", json: { name: "Foo" } },
  { method: "POST", path: "/items/", json: { name: 42, price: null, tax: "x" } },
  // Malformed JSON, JSON that is not an object, no body.
  { method: "POST", path: "/items/", content: '{"name": "Foo", "price": }', headers: json },
  { method: "POST", path: "/items/", content: '{"name": "Foo",', headers: json },
  { method: "POST", path: "/items/", json: ["Foo", 45.2] },
  { method: "POST", path: "/items/" },
];

comparePairs(test, [
  { module: `${dir}/tutorial001`, app: tutorial001, requests: posts },
  {
    module: `${dir}/tutorial002`,
    app: tutorial002,
    requests: [
      { method: "POST", path: "/items/", json: { name: "Foo", price: 45.2, tax: 3.5 } },
      { method: "POST", path: "/items/", json: { name: "Foo", price: 45.2 } },
    ],
  },
  {
    module: `${dir}/tutorial003`,
    app: tutorial003,
    requests: [
      { method: "PUT", path: "/items/5", json: { name: "Foo", price: 45.2 } },
      { method: "PUT", path: "/items/foo", json: { name: "Foo" } },
    ],
  },
  {
    module: `${dir}/tutorial004`,
    app: tutorial004,
    requests: [
      { method: "PUT", path: "/items/5?q=bar", json: { name: "Foo", price: 45.2 } },
      { method: "PUT", path: "/items/5", json: { name: "Foo", price: 45.2 } },
    ],
  },
]);

test.run();
