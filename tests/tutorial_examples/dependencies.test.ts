// The samples of docs/tutorial/dependencies/index.md: each TS app answers as its FastAPI twin.
import { test } from "uvu";
import { app as t001 } from "../../examples/tutorial/dependencies/tutorial001.js";
import { app as t002 } from "../../examples/tutorial/dependencies/tutorial002.js";
import { comparePairs, type Exchange } from "./_samples.js";

const requests: Exchange[] = [
  { path: "/items/" },
  { path: "/items/?q=foo&skip=5&limit=30" },
  { path: "/users/?q=bar&limit=2" },
  { path: "/users/?skip=x&limit=y" },
];

comparePairs(test, [
  { module: "examples/tutorial/dependencies/tutorial001", app: t001, requests },
  { module: "examples/tutorial/dependencies/tutorial002", app: t002, requests },
]);

test.run();
