// The samples of docs/tutorial/background-tasks.md: each TS app answers as its FastAPI twin and
// runs the same tasks, in the same order (what they print is compared).
import { test } from "uvu";
import { app as t001 } from "../../examples/tutorial/background_tasks/tutorial001.js";
import { app as t002 } from "../../examples/tutorial/background_tasks/tutorial002.js";
import { comparePairs } from "./_samples.js";

const dir = "examples/tutorial/background_tasks";

comparePairs(test, [
  {
    module: `${dir}/tutorial001`,
    app: t001,
    requests: [{ method: "POST", path: "/send-notification/foo@example.com", comparePrinted: true }, { path: "/send-notification/foo@example.com" }],
  },
  {
    module: `${dir}/tutorial002`,
    app: t002,
    requests: [
      { method: "POST", path: "/send-notification/foo@example.com?q=some-query", comparePrinted: true },
      { method: "POST", path: "/send-notification/foo@example.com", comparePrinted: true },
    ],
  },
]);

test.run();
