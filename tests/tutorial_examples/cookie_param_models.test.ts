// The samples of docs/tutorial/cookie-param-models.md against their FastAPI twins.
import { test } from "uvu";
import { app as tutorial001 } from "../../examples/tutorial/cookie_param_models/tutorial001.js";
import { app as tutorial002 } from "../../examples/tutorial/cookie_param_models/tutorial002.js";
import { comparePairs, type Exchange } from "./_samples.js";

const dir = "examples/tutorial/cookie_param_models";
const requests: Exchange[] = [
  { path: "/items/", cookies: { session_id: "123", fatebook_tracker: "456", googall_tracker: "789" } },
  { path: "/items/", cookies: { session_id: "123" } },
  "/items/",
  { path: "/items/", cookies: { session_id: "123", santa_tracker: "good-list-please" } },
];

comparePairs(test, [
  { module: `${dir}/tutorial001`, app: tutorial001, requests },
  { module: `${dir}/tutorial002`, app: tutorial002, requests },
]);

test.run();
