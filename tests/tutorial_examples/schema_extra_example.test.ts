// The samples of docs/tutorial/schema-extra-example.md against their FastAPI twins: the
// examples change no answer, and each example is answered as FastAPI answers it.
import { test } from "uvu";
import { app as tutorial001 } from "../../examples/tutorial/schema_extra_example/tutorial001.js";
import { app as tutorial002 } from "../../examples/tutorial/schema_extra_example/tutorial002.js";
import { app as tutorial003 } from "../../examples/tutorial/schema_extra_example/tutorial003.js";
import { app as tutorial004 } from "../../examples/tutorial/schema_extra_example/tutorial004.js";
import { app as tutorial005 } from "../../examples/tutorial/schema_extra_example/tutorial005.js";
import { comparePairs, type Exchange } from "./_samples.js";

const dir = "examples/tutorial/schema_extra_example";
const examples: Exchange[] = [
  { method: "PUT", path: "/items/5", json: { name: "Foo", description: "A very nice Item", price: 35.4, tax: 3.2 } },
  { method: "PUT", path: "/items/5", json: { name: "Bar", price: "35.4" } },
  { method: "PUT", path: "/items/5", json: { name: "Baz", price: "thirty five point four" } },
];

comparePairs(test, [
  { module: `${dir}/tutorial001`, app: tutorial001, requests: examples },
  { module: `${dir}/tutorial002`, app: tutorial002, requests: examples },
  { module: `${dir}/tutorial003`, app: tutorial003, requests: examples },
  { module: `${dir}/tutorial004`, app: tutorial004, requests: examples },
  { module: `${dir}/tutorial005`, app: tutorial005, requests: examples },
]);

test.run();
