// The samples of docs/tutorial/dependencies/global-dependencies.md: each TS app answers as its
// FastAPI twin.
import { test } from "uvu";
import { app as t001 } from "../../examples/tutorial/dependencies/global_dependencies/tutorial001.js";
import { comparePairs } from "./_samples.js";

const headers = { "X-Token": "fake-super-secret-token", "X-Key": "fake-super-secret-key" };

comparePairs(test, [
  {
    module: "examples/tutorial/dependencies/global_dependencies/tutorial001",
    app: t001,
    requests: [
      { path: "/items/", headers },
      { path: "/users/", headers },
      { path: "/users/", headers: { ...headers, "X-Key": "invalid" } },
      { path: "/items/", headers: { "X-Key": headers["X-Key"] } },
      { path: "/nowhere" },
    ],
  },
]);

test.run();
