// The samples of docs/tutorial/handling-errors.md: each TS app answers as its FastAPI twin.
import { test } from "uvu";
import { app as t001 } from "../../examples/tutorial/handling_errors/tutorial001.js";
import { app as t002 } from "../../examples/tutorial/handling_errors/tutorial002.js";
import { app as t003 } from "../../examples/tutorial/handling_errors/tutorial003.js";
import { app as t004 } from "../../examples/tutorial/handling_errors/tutorial004.js";
import { app as t005 } from "../../examples/tutorial/handling_errors/tutorial005.js";
import { app as t006 } from "../../examples/tutorial/handling_errors/tutorial006.js";
import { comparePairs } from "./_samples.js";

const dir = "examples/tutorial/handling_errors";

comparePairs(test, [
  { module: `${dir}/tutorial001`, app: t001, requests: [{ path: "/items/foo" }, { path: "/items/bar" }] },
  {
    module: `${dir}/tutorial002`,
    app: t002,
    requests: [{ path: "/items-header/foo" }, { path: "/items-header/bar", compareHeaders: ["x-error"] }],
  },
  { module: `${dir}/tutorial003`, app: t003, requests: [{ path: "/unicorns/shinny" }, { path: "/unicorns/yolo" }] },
  {
    module: `${dir}/tutorial004`,
    app: t004,
    requests: [
      { path: "/items/2" },
      { path: "/items/3" },
      { path: "/nowhere" },
      { path: "/items/foo", bodiesDiffer: "the message shows each loc as Python prints a tuple, ('path', 'item_id'); the TS sample writes JSON" },
    ],
  },
  {
    module: `${dir}/tutorial005`,
    app: t005,
    requests: [
      { method: "POST", path: "/items/", json: { title: "towel", size: 3 } },
      { method: "POST", path: "/items/", json: { title: "towel", size: "XL" } },
    ],
  },
  {
    module: `${dir}/tutorial006`,
    app: t006,
    requests: [{ path: "/items/2" }, { path: "/items/3" }, { path: "/items/foo" }],
  },
]);

test.run();
