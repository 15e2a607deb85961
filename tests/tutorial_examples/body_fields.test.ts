// The samples of docs/tutorial/body-fields.md against their FastAPI twins.
import { test } from "uvu";
import { app as tutorial001 } from "../../examples/tutorial/body_fields/tutorial001.js";
import { comparePairs } from "./_samples.js";

comparePairs(test, [
  {
    module: "examples/tutorial/body_fields/tutorial001",
    app: tutorial001,
    requests: [
      { method: "PUT", path: "/items/5", json: { item: { name: "Foo", price: 3.0 } } },
      { method: "PUT", path: "/items/5", json: { item: { name: "Foo", description: "Some description", price: 3.5, tax: 0.35 } } },
      { method: "PUT", path: "/items/5", json: { item: { name: "Foo", price: -3.0 } }, messages: "validator" },
      { method: "PUT", path: "/items/5", json: { item: { name: "Foo", description: "x".repeat(301), price: 3 } }, messages: "validator" },
    ],
  },
]);

test.run();
