// The samples of docs/tutorial/header-params.md against their FastAPI twins.
import { test } from "uvu";
import { app as tutorial001 } from "../../examples/tutorial/header_params/tutorial001.js";
import { app as tutorial002 } from "../../examples/tutorial/header_params/tutorial002.js";
import { app as tutorial003 } from "../../examples/tutorial/header_params/tutorial003.js";
import { comparePairs } from "./_samples.js";

const dir = "examples/tutorial/header_params";

comparePairs(test, [
  { module: `${dir}/tutorial001`, app: tutorial001, requests: ["/items/", { path: "/items/", headers: { "User-Agent": "FastAPI test" } }, { path: "/items/", headers: { user_agent: "underscored" } }] },
  {
    module: `${dir}/tutorial002`,
    app: tutorial002,
    requests: ["/items/", { path: "/items/", headers: { strange_header: "FastAPI test" } }, { path: "/items/", headers: { "strange-header": "not this one" } }],
  },
  {
    module: `${dir}/tutorial003`,
    app: tutorial003,
    requests: [
      "/items/",
      { path: "/items/", headers: { "X-Token": "foo" } },
      {
        path: "/items/",
        headers: [
          ["X-Token", "foo"],
          ["X-Token", "bar"],
        ],
      },
      { path: "/items/", headers: { "X-Token": "foo, bar" } },
    ],
  },
]);

test.run();
