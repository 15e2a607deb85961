// The samples of docs/tutorial/dependencies/dependencies-in-path-operation-decorators.md: each TS
// app answers as its FastAPI twin.
import { test } from "uvu";
import { app as t001 } from "../../examples/tutorial/dependencies/dependencies_in_path_operation_decorators/tutorial001.js";
import { comparePairs } from "./_samples.js";

const token = "fake-super-secret-token";
const key = "fake-super-secret-key";

comparePairs(test, [
  {
    module: "examples/tutorial/dependencies/dependencies_in_path_operation_decorators/tutorial001",
    app: t001,
    requests: [
      { path: "/items/", headers: { "X-Token": token, "X-Key": key } },
      { path: "/items/", headers: { "X-Token": "invalid", "X-Key": key } },
      { path: "/items/", headers: { "X-Token": token, "X-Key": "invalid" } },
      { path: "/items/" },
    ],
  },
]);

test.run();
