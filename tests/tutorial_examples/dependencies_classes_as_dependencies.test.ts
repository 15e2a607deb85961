// The samples of docs/tutorial/dependencies/classes-as-dependencies.md: each TS app answers as
// its FastAPI twin.
import { test } from "uvu";
import { app as t001 } from "../../examples/tutorial/dependencies/classes_as_dependencies/tutorial001.js";
import { comparePairs } from "./_samples.js";

comparePairs(test, [
  {
    module: "examples/tutorial/dependencies/classes_as_dependencies/tutorial001",
    app: t001,
    requests: [{ path: "/items/" }, { path: "/items/?q=foo&skip=1&limit=1" }, { path: "/items/?skip=2" }, { path: "/items/?limit=-1" }, { path: "/items/?limit=many" }],
  },
]);

test.run();
