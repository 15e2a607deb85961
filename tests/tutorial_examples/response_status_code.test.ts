// The samples of docs/tutorial/response-status-code.md: each TS app answers as its FastAPI twin.
import { test } from "uvu";
import { app as t001 } from "../../examples/tutorial/response_status_code/tutorial001.js";
import { app as t002 } from "../../examples/tutorial/response_status_code/tutorial002.js";
import { comparePairs, type Exchange } from "./_samples.js";

const dir = "examples/tutorial/response_status_code";
const requests: Exchange[] = [
  { method: "POST", path: "/items/?name=Plumbus" },
  { method: "POST", path: "/items/" },
  { path: "/items/?name=Plumbus" },
];

comparePairs(test, [
  { module: `${dir}/tutorial001`, app: t001, requests },
  { module: `${dir}/tutorial002`, app: t002, requests },
]);

test.run();
