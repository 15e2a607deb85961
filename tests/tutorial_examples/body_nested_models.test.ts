// The samples of docs/tutorial/body-nested-models.md against their FastAPI twins.
import { test } from "uvu";
import { app as tutorial001 } from "../../examples/tutorial/body_nested_models/tutorial001.js";
import { app as tutorial002 } from "../../examples/tutorial/body_nested_models/tutorial002.js";
import { app as tutorial003 } from "../../examples/tutorial/body_nested_models/tutorial003.js";
import { app as tutorial004 } from "../../examples/tutorial/body_nested_models/tutorial004.js";
import { app as tutorial005 } from "../../examples/tutorial/body_nested_models/tutorial005.js";
import { app as tutorial006 } from "../../examples/tutorial/body_nested_models/tutorial006.js";
import { app as tutorial007 } from "../../examples/tutorial/body_nested_models/tutorial007.js";
import { app as tutorial008 } from "../../examples/tutorial/body_nested_models/tutorial008.js";
import { app as tutorial009 } from "../../examples/tutorial/body_nested_models/tutorial009.js";
import { comparePairs } from "./_samples.js";

const dir = "examples/tutorial/body_nested_models";
const put = (json: unknown) => ({ method: "PUT", path: "/items/5", json });
// A Python set's order depends on the process's hash seed: the sets sent hold one distinct value.
const item = { name: "Foo", description: "The pretender", price: 42.0, tax: 3.2, tags: ["rock", "rock", "rock"] };
const image = { url: "http://example.com/baz.jpg", name: "The Foo live" };
// pydantic's HttpUrl errors (url_parsing, url_scheme) have a ctx and pydantic's words; zod's have neither.
const URL_ERRORS = "z.httpUrl()'s 422 has zod's message and no ctx";

comparePairs(test, [
  { module: `${dir}/tutorial001`, app: tutorial001, requests: [put(item), put({ ...item, tags: [1, "a", null] }), put({ name: "Foo", price: 1 })] },
  { module: `${dir}/tutorial002`, app: tutorial002, requests: [put(item), put({ ...item, tags: ["a", 1] })] },
  { module: `${dir}/tutorial003`, app: tutorial003, requests: [put(item), put({ name: "Foo", price: 1 })] },
  { module: `${dir}/tutorial004`, app: tutorial004, requests: [put({ ...item, image }), put(item), put({ ...item, image: { url: "x" } })] },
  {
    module: `${dir}/tutorial005`,
    app: tutorial005,
    requests: [
      put({ ...item, image }),
      put({ ...item, image: { url: "http://example.com", name: "bare host" } }),
      { ...put({ ...item, image: { url: "not a url", name: "x" } }), bodiesDiffer: URL_ERRORS },
      { ...put({ ...item, image: { url: "ftp://example.com/a", name: "x" } }), bodiesDiffer: URL_ERRORS },
    ],
  },
  {
    module: `${dir}/tutorial006`,
    app: tutorial006,
    requests: [put({ ...item, images: [image, { url: "http://example.com/dave.jpg", name: "The Baz" }] }), put({ ...item, images: [image, { name: "no url" }] })],
  },
  {
    module: `${dir}/tutorial007`,
    app: tutorial007,
    requests: [
      { method: "POST", path: "/offers/", json: { name: "Offer", price: 50.5, items: [{ ...item, images: [image] }, { name: "Bar", price: 2 }] } },
      { method: "POST", path: "/offers/", json: { name: "Offer", price: 50.5, items: [{ name: "Bar" }] } },
    ],
  },
  {
    module: `${dir}/tutorial008`,
    app: tutorial008,
    requests: [
      { method: "POST", path: "/images/multiple/", json: [image, { url: "http://example.com/dave.jpg", name: "The Baz" }] },
      { method: "POST", path: "/images/multiple/", json: image },
    ],
  },
  {
    module: `${dir}/tutorial009`,
    app: tutorial009,
    requests: [
      { method: "POST", path: "/index-weights/", json: { "1": 2.5, "02": 3, "-7": 0.5 } },
      { method: "POST", path: "/index-weights/", json: { "1": "x" } },
      { method: "POST", path: "/index-weights/", json: { foo: 2.5 } },
    ],
  },
]);

test.run();
