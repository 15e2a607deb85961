// The samples of docs/tutorial/query-param-models.md against their FastAPI twins.
import { test } from "uvu";
import { app as tutorial001 } from "../../examples/tutorial/query_param_models/tutorial001.js";
import { app as tutorial002 } from "../../examples/tutorial/query_param_models/tutorial002.js";
import { comparePairs, type Exchange } from "./_samples.js";

const dir = "examples/tutorial/query_param_models";

const common: Exchange[] = [
  "/items/",
  "/items/?limit=10&offset=5&order_by=updated_at&tags=a&tags=b",
  "/items/?tags=only",
  { path: "/items/?limit=0", messages: "validator" },
  { path: "/items/?limit=101&offset=-1", messages: "validator" },
  { path: "/items/?order_by=name", messages: "validator" },
  "/items/?limit=ten",
];

comparePairs(test, [
  { module: `${dir}/tutorial001`, app: tutorial001, requests: [...common, "/items/?tool=plumbus"] },
  { module: `${dir}/tutorial002`, app: tutorial002, requests: [...common, "/items/?tool=plumbus", "/items/?limit=5&tool=plumbus&x=1"] },
]);

test.run();
