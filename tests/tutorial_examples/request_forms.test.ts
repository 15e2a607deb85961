// The samples of docs/tutorial/request-forms.md: each TS app answers as its FastAPI twin.
import { test } from "uvu";
import { app as t001 } from "../../examples/tutorial/request_forms/tutorial001.js";
import { comparePairs } from "./_samples.js";

comparePairs(test, [
  {
    module: "examples/tutorial/request_forms/tutorial001",
    app: t001,
    requests: [
      { method: "POST", path: "/login/", data: { username: "johndoe", password: "secret" } },
      { method: "POST", path: "/login/", data: { username: "johndoe" } },
      { method: "POST", path: "/login/", json: { username: "johndoe", password: "secret" } },
      { method: "POST", path: "/login/" },
    ],
  },
]);

test.run();
