// The samples of docs/tutorial/query-params.md against their FastAPI twins (the valibot and
// arktype variants against the same Python apps).
import { test } from "uvu";
import { app as tutorial001 } from "../../examples/tutorial/query_params/tutorial001.js";
import { app as tutorial001NoSchema } from "../../examples/tutorial/query_params/tutorial001_no_schema.js";
import { app as tutorial002 } from "../../examples/tutorial/query_params/tutorial002.js";
import { app as tutorial003 } from "../../examples/tutorial/query_params/tutorial003.js";
import { app as tutorial003Arktype } from "../../examples/tutorial/query_params/tutorial003_arktype.js";
import { app as tutorial003Valibot } from "../../examples/tutorial/query_params/tutorial003_valibot.js";
import { app as tutorial004 } from "../../examples/tutorial/query_params/tutorial004.js";
import { app as tutorial005 } from "../../examples/tutorial/query_params/tutorial005.js";
import { app as tutorial006 } from "../../examples/tutorial/query_params/tutorial006.js";
import { comparePairs } from "./_samples.js";

const dir = "examples/tutorial/query_params";

const booleans = [
  "/items/foo",
  "/items/foo?q=bar",
  "/items/foo?short=1",
  "/items/foo?short=True",
  "/items/foo?short=true",
  "/items/foo?short=on",
  "/items/foo?short=yes",
  "/items/foo?short=no",
  "/items/foo?short=0",
  "/items/foo?short=maybe",
];

comparePairs(test, [
  {
    module: `${dir}/tutorial001`,
    app: tutorial001,
    requests: ["/items/", "/items/?skip=0&limit=10", "/items/?skip=1", "/items/?skip=1&limit=1", "/items/?skip=x", "/items/?limit=1.5"],
  },
  {
    module: `${dir}/tutorial001_no_schema`,
    pythonModule: `${dir}/tutorial001.py`,
    app: tutorial001NoSchema,
    requests: [
      "/items/",
      "/items/?skip=1",
      "/items/?skip=1&limit=1",
      // valibot's own errors: "to_number", "integer" (FastAPI: int_parsing).
      { path: "/items/?skip=x", bodiesDiffer: "valibot's toNumber refuses it in its own words" },
      { path: "/items/?limit=1.5", bodiesDiffer: "valibot's integer refuses it in its own words" },
    ],
  },
  { module: `${dir}/tutorial002`, app: tutorial002, requests: ["/items/foo", "/items/foo?q=bar", "/items/foo?q="] },
  { module: `${dir}/tutorial003`, app: tutorial003, requests: booleans },
  { module: `${dir}/tutorial003_valibot`, pythonModule: `${dir}/tutorial003.py`, app: tutorial003Valibot, requests: booleans },
  { module: `${dir}/tutorial003_arktype`, pythonModule: `${dir}/tutorial003.py`, app: tutorial003Arktype, requests: booleans },
  { module: `${dir}/tutorial004`, app: tutorial004, requests: ["/users/1/items/foo", "/users/1/items/foo?q=a&short=yes", "/users/x/items/foo"] },
  { module: `${dir}/tutorial005`, app: tutorial005, requests: ["/items/foo-item?needy=sooooneedy", "/items/foo-item"] },
  {
    module: `${dir}/tutorial006`,
    app: tutorial006,
    requests: ["/items/foo-item?needy=sooooneedy&skip=0&limit=5", "/items/foo-item?needy=a", "/items/foo-item", "/items/foo-item?skip=x&limit=y"],
  },
]);

test.run();
