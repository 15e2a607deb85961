// The samples of docs/tutorial/body-multiple-params.md against their FastAPI twins.
import { test } from "uvu";
import { app as tutorial001 } from "../../examples/tutorial/body_multiple_params/tutorial001.js";
import { app as tutorial002 } from "../../examples/tutorial/body_multiple_params/tutorial002.js";
import { app as tutorial003 } from "../../examples/tutorial/body_multiple_params/tutorial003.js";
import { app as tutorial004 } from "../../examples/tutorial/body_multiple_params/tutorial004.js";
import { app as tutorial005 } from "../../examples/tutorial/body_multiple_params/tutorial005.js";
import { comparePairs } from "./_samples.js";

const dir = "examples/tutorial/body_multiple_params";
const item = { name: "Foo", description: "The pretender", price: 42.0, tax: 3.2 };
const user = { username: "dave", full_name: "Dave Grohl" };

comparePairs(test, [
  {
    module: `${dir}/tutorial001`,
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
    module: `${dir}/tutorial002`,
    app: tutorial002,
    requests: [
      { method: "PUT", path: "/items/5", json: { item, user } },
      { method: "PUT", path: "/items/5", json: item },
      { method: "PUT", path: "/items/5" },
    ],
  },
  {
    module: `${dir}/tutorial003`,
    app: tutorial003,
    requests: [
      { method: "PUT", path: "/items/5", json: { item, user, importance: 5 } },
      { method: "PUT", path: "/items/5", json: { item, user, importance: "5" } },
      { method: "PUT", path: "/items/5", json: { item, user } },
      { method: "PUT", path: "/items/5?importance=5", json: { item, user } },
    ],
  },
  {
    module: `${dir}/tutorial004`,
    app: tutorial004,
    requests: [
      { method: "PUT", path: "/items/5?q=bar", json: { item, user, importance: 1 } },
      { method: "PUT", path: "/items/5", json: { item, user, importance: 0 } },
    ],
  },
  {
    module: `${dir}/tutorial005`,
    app: tutorial005,
    requests: [
      { method: "PUT", path: "/items/5", json: { item } },
      { method: "PUT", path: "/items/5", json: item },
    ],
  },
]);

test.run();
