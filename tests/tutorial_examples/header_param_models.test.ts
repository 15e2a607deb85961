// The samples of docs/tutorial/header-param-models.md against their FastAPI twins. Both
// TestClients send the same headers of their own: host, accept, accept-encoding, connection,
// user-agent (which the strict model of tutorial002 refuses).
import { test } from "uvu";
import { app as tutorial001 } from "../../examples/tutorial/header_param_models/tutorial001.js";
import { app as tutorial002 } from "../../examples/tutorial/header_param_models/tutorial002.js";
import { app as tutorial003 } from "../../examples/tutorial/header_param_models/tutorial003.js";
import { compareSamples, type SampleRequest } from "./compare.js";

const dir = "examples/tutorial/header_param_models";
const full: SampleRequest = {
  path: "/items/",
  headers: [
    ["save-data", "true"],
    ["if-modified-since", "yesterday"],
    ["traceparent", "123"],
    ["x-tag", "one"],
    ["x-tag", "two"],
  ],
};

compareSamples(test, [
  {
    python: `${dir}/tutorial001.py`,
    app: tutorial001,
    requests: [full, { path: "/items/", headers: { "save-data": "off" } }, "/items/", { path: "/items/", headers: { "save-data": "maybe" } }],
  },
  { python: `${dir}/tutorial002.py`, app: tutorial002, requests: [full, "/items/"] },
  {
    python: `${dir}/tutorial003.py`,
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
