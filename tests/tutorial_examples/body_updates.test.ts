// The samples of docs/tutorial/body-updates.md: each TS app answers as its FastAPI twin. The
// requests run in order on one app each, so each update is read back.
import { test } from "uvu";
import { app as t001 } from "../../examples/tutorial/body_updates/tutorial001.js";
import { app as t002 } from "../../examples/tutorial/body_updates/tutorial002.js";
import { comparePairs } from "./_samples.js";

const dir = "examples/tutorial/body_updates";

comparePairs(test, [
  {
    module: `${dir}/tutorial001`,
    app: t001,
    requests: [
      { path: "/items/bar" },
      { method: "PUT", path: "/items/bar", json: { name: "Barz", price: 3, description: null } },
      { path: "/items/bar" },
      { method: "PUT", path: "/items/foo", json: { tax: "a lot" } },
      { method: "PUT", path: "/items/new", json: {} },
      { path: "/items/new" },
    ],
  },
  {
    module: `${dir}/tutorial002`,
    app: t002,
    requests: [
      { path: "/items/bar" },
      { method: "PATCH", path: "/items/bar", json: { name: "Barz", price: 3 } },
      { path: "/items/bar" },
      { method: "PATCH", path: "/items/bar", json: { description: null, tags: ["bar"] } },
      { path: "/items/bar" },
      { method: "PATCH", path: "/items/foo", json: {} },
      { method: "PATCH", path: "/items/foo", json: { tax: "a lot" } },
      { path: "/items/foo" },
    ],
  },
]);

test.run();
