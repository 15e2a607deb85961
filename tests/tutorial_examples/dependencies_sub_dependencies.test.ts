// The samples of docs/tutorial/dependencies/sub-dependencies.md: each TS app answers as its
// FastAPI twin.
import { test } from "uvu";
import { app as t001 } from "../../examples/tutorial/dependencies/sub_dependencies/tutorial001.js";
import { app as t002 } from "../../examples/tutorial/dependencies/sub_dependencies/tutorial002.js";
import { comparePairs } from "./_samples.js";

const dir = "examples/tutorial/dependencies/sub_dependencies";

comparePairs(test, [
  {
    module: `${dir}/tutorial001`,
    app: t001,
    requests: [
      { path: "/items/" },
      { path: "/items/?q=foo" },
      { path: "/items/", cookies: { last_query: "from the cookie" } },
      { path: "/items/?q=foo", cookies: { last_query: "from the cookie" } },
    ],
  },
  { module: `${dir}/tutorial002`, app: t002, requests: [{ path: "/cached/" }, { path: "/fresh/" }, { path: "/cached/" }] },
]);

test.run();
