// The samples of docs/tutorial/header-params.md against their FastAPI twins.
import { test } from "uvu";
import { app as tutorial001 } from "../../examples/tutorial/header_params/tutorial001.js";
import { app as tutorial002 } from "../../examples/tutorial/header_params/tutorial002.js";
import { app as tutorial003 } from "../../examples/tutorial/header_params/tutorial003.js";
import { compareSamples } from "./compare.js";

const dir = "examples/tutorial/header_params";

compareSamples(test, [
  { python: `${dir}/tutorial001.py`, app: tutorial001, requests: ["/items/", { path: "/items/", headers: { "User-Agent": "FastAPI test" } }, { path: "/items/", headers: { user_agent: "underscored" } }] },
  {
    python: `${dir}/tutorial002.py`,
    app: tutorial002,
    requests: ["/items/", { path: "/items/", headers: { strange_header: "FastAPI test" } }, { path: "/items/", headers: { "strange-header": "not this one" } }],
  },
  {
    python: `${dir}/tutorial003.py`,
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
