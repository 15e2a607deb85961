// The samples of docs/tutorial/path-params-numeric-validations.md against their FastAPI twins.
import { test } from "uvu";
import { app as tutorial001 } from "../../examples/tutorial/path_params_numeric_validations/tutorial001.js";
import { app as tutorial004 } from "../../examples/tutorial/path_params_numeric_validations/tutorial004.js";
import { app as tutorial005 } from "../../examples/tutorial/path_params_numeric_validations/tutorial005.js";
import { app as tutorial006 } from "../../examples/tutorial/path_params_numeric_validations/tutorial006.js";
import { comparePairs } from "./_samples.js";

const dir = "examples/tutorial/path_params_numeric_validations";

comparePairs(test, [
  { module: `${dir}/tutorial001`, app: tutorial001, requests: ["/items/42", "/items/42?item-query=foo", "/items/foo"] },
  { module: `${dir}/tutorial004`, app: tutorial004, requests: ["/items/1?q=foo", "/items/0?q=foo", "/items/1"] },
  { module: `${dir}/tutorial005`, app: tutorial005, requests: ["/items/1000?q=foo", "/items/0?q=foo", "/items/1001?q=foo"] },
  {
    module: `${dir}/tutorial006`,
    app: tutorial006,
    requests: [
      "/items/42?q=foo&size=2.5",
      "/items/42?q=foo&size=10",
      "/items/42?q=foo&size=10.5",
      "/items/42?q=foo&size=0",
      "/items/1001?q=foo&size=-1",
      "/items/42?q=foo",
    ],
  },
]);

test.run();
