// The samples of docs/tutorial/header-param-models.md against their FastAPI twins. Both
// TestClients send the same headers of their own: host, accept, accept-encoding, connection,
// user-agent (which the strict model of tutorial002 refuses).
import { test } from "uvu";
import { app as tutorial001 } from "../../examples/tutorial/header_param_models/tutorial001.js";
import { app as tutorial002 } from "../../examples/tutorial/header_param_models/tutorial002.js";
import { app as tutorial003 } from "../../examples/tutorial/header_param_models/tutorial003.js";
import { comparePairs, type Exchange } from "./_samples.js";

const dir = "examples/tutorial/header_param_models";
const full: Exchange = {
  path: "/items/",
  headers: [
    ["save-data", "true"],
    ["if-modified-since", "yesterday"],
    ["traceparent", "123"],
    ["x-tag", "one"],
    ["x-tag", "two"],
  ],
};

comparePairs(test, [
  {
    module: `${dir}/tutorial001`,
    app: tutorial001,
    requests: [full, { path: "/items/", headers: { "save-data": "off" } }, "/items/", { path: "/items/", headers: { "save-data": "maybe" } }],
  },
  { module: `${dir}/tutorial002`, app: tutorial002, requests: [full, "/items/"] },
  {
    module: `${dir}/tutorial003`,
    app: tutorial003,
    requests: [
      full,
      {
        path: "/items/",
        headers: [
          ["save_data", "yes"],
          ["x_tag", "one"],
          ["x_tag", "two"],
        ],
      },
    ],
  },
]);

test.run();
