// The samples of docs/tutorial/request-forms-and-files.md: each TS app answers as its FastAPI twin.
import { test } from "uvu";
import { app as t001 } from "../../examples/tutorial/request_forms_and_files/tutorial001.js";
import { comparePairs } from "./_samples.js";

comparePairs(test, [
  {
    module: "examples/tutorial/request_forms_and_files/tutorial001",
    app: t001,
    requests: [
      {
        method: "POST",
        path: "/files/",
        data: { token: "foo" },
        files: { file: ["a.txt", "abc"], fileb: ["b.csv", "x,y", "text/csv"] },
      },
      { method: "POST", path: "/files/", data: { token: "foo" }, files: { file: ["a.txt", "abc"] } },
      { method: "POST", path: "/files/" },
    ],
  },
]);

test.run();
