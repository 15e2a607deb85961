// The samples of docs/tutorial/extra-models.md: each TS app answers as its FastAPI twin.
import { test } from "uvu";
import { app as t001 } from "../../examples/tutorial/extra_models/tutorial001.js";
import { app as t002 } from "../../examples/tutorial/extra_models/tutorial002.js";
import { app as t003 } from "../../examples/tutorial/extra_models/tutorial003.js";
import { app as t004 } from "../../examples/tutorial/extra_models/tutorial004.js";
import { app as t005 } from "../../examples/tutorial/extra_models/tutorial005.js";
import { comparePairs, type Exchange } from "./_samples.js";

const dir = "examples/tutorial/extra_models";
const createUser: Exchange[] = [
  { method: "POST", path: "/user/", json: { username: "john", password: "secret", email: "john.doe@example.com" }, comparePrinted: true },
  { method: "POST", path: "/user/", json: { username: "john", password: "secret", email: "j@example.com", full_name: "John Doe" }, comparePrinted: true },
  { method: "POST", path: "/user/", json: { username: "john", email: "j@example.com" } },
];

comparePairs(test, [
  { module: `${dir}/tutorial001`, app: t001, requests: createUser },
  { module: `${dir}/tutorial002`, app: t002, requests: createUser },
  { module: `${dir}/tutorial003`, app: t003, requests: [{ path: "/items/item1" }, { path: "/items/item2" }] },
  { module: `${dir}/tutorial004`, app: t004, requests: [{ path: "/items/" }] },
  { module: `${dir}/tutorial005`, app: t005, requests: [{ path: "/keyword-weights/" }] },
]);

test.run();
