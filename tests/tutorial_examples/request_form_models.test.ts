// The samples of docs/tutorial/request-form-models.md: each TS app answers as its FastAPI twin.
import { test } from "uvu";
import { app as t001 } from "../../examples/tutorial/request_form_models/tutorial001.js";
import { app as t002 } from "../../examples/tutorial/request_form_models/tutorial002.js";
import { comparePairs, type Exchange } from "./_samples.js";

const dir = "examples/tutorial/request_form_models";
const requests: Exchange[] = [
  { method: "POST", path: "/login/", data: { username: "Rick", password: "Portal Gun" } },
  { method: "POST", path: "/login/", data: { username: "Rick", password: "Portal Gun", extra: "Mr. Poopybutthole" } },
  { method: "POST", path: "/login/", data: { username: "Rick" } },
  { method: "POST", path: "/login/" },
];

comparePairs(test, [
  { module: `${dir}/tutorial001`, app: t001, requests },
  { module: `${dir}/tutorial002`, app: t002, requests },
]);

test.run();
