// The samples of docs/tutorial/body-multiple-params.md against their FastAPI twins.
import { test } from "uvu";
import { app as tutorial001 } from "../../examples/tutorial/body_multiple_params/tutorial001.js";
import { app as tutorial002 } from "../../examples/tutorial/body_multiple_params/tutorial002.js";
import { app as tutorial003 } from "../../examples/tutorial/body_multiple_params/tutorial003.js";
import { app as tutorial004 } from "../../examples/tutorial/body_multiple_params/tutorial004.js";
import { app as tutorial005 } from "../../examples/tutorial/body_multiple_params/tutorial005.js";
import { compareSamples } from "./compare.js";

const dir = "examples/tutorial/body_multiple_params";
const item = { name: "Foo", description: "The pretender", price: 42.0, tax: 3.2 };
const user = { username: "dave", full_name: "Dave Grohl" };

compareSamples(test, [
  {
    python: `${dir}/tutorial001.py`,
    app: tutorial001,
    requests: [
      { method: "PUT", path: "/items/5?q=bar", json: { name: "Foo", price: 50.5 } },
      { method: "PUT", path: "/items/5" },
      { method: "PUT", path: "/items/5", json: null },
      { method: "PUT", path: "/items/5", json: { price: "x" } },
      { method: "PUT", path: "/items/1001", json: { price: "x" } },
    ],
  },
  {
    python: `${dir}/tutorial002.py`,
    app: tutorial002,
    requests: [
      { method: "PUT", path: "/items/5", json: { item, user } },
      { method: "PUT", path: "/items/5", json: item },
      { method: "PUT", path: "/items/5" },
    ],
  },
  {
    python: `${dir}/tutorial003.py`,
    app: tutorial003,
    requests: [
      { method: "PUT", path: "/items/5", json: { item, user, importance: 5 } },
      { method: "PUT", path: "/items/5", json: { item, user, importance: "5" } },
      { method: "PUT", path: "/items/5", json: { item, user } },
      { method: "PUT", path: "/items/5?importance=5", json: { item, user } },
    ],
  },
  {
    python: `${dir}/tutorial004.py`,
    app: tutorial004,
    requests: [
      { method: "PUT", path: "/items/5?q=bar", json: { item, user, importance: 1 } },
      { method: "PUT", path: "/items/5", json: { item, user, importance: 0 } },
    ],
  },
  {
    python: `${dir}/tutorial005.py`,
    app: tutorial005,
    requests: [
      { method: "PUT", path: "/items/5", json: { item } },
      { method: "PUT", path: "/items/5", json: item },
    ],
  },
]);

test.run();
