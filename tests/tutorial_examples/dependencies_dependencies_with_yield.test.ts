// The samples of docs/tutorial/dependencies/dependencies-with-yield.md: each TS app answers as its
// FastAPI twin and prints what it prints, in the same order.
import { test } from "uvu";
import { app as t001 } from "../../examples/tutorial/dependencies/dependencies_with_yield/tutorial001.js";
import { app as t002 } from "../../examples/tutorial/dependencies/dependencies_with_yield/tutorial002.js";
import { app as t003 } from "../../examples/tutorial/dependencies/dependencies_with_yield/tutorial003.js";
import { app as t004 } from "../../examples/tutorial/dependencies/dependencies_with_yield/tutorial004.js";
import { app as t005 } from "../../examples/tutorial/dependencies/dependencies_with_yield/tutorial005.js";
import { app as t006 } from "../../examples/tutorial/dependencies/dependencies_with_yield/tutorial006.js";
import { comparePairs, type Exchange } from "./_samples.js";

const dir = "examples/tutorial/dependencies/dependencies_with_yield";
const printing = (path: string): Exchange => ({ path, comparePrinted: true });
const items = ["/items/plumbus", "/items/portal-gun", "/items/nope"].map(printing);

comparePairs(test, [
  { module: `${dir}/tutorial001`, app: t001, requests: [printing("/items/plumbus"), printing("/items/nope")] },
  { module: `${dir}/tutorial002`, app: t002, requests: [printing("/abc")] },
  { module: `${dir}/tutorial003`, app: t003, requests: items },
  { module: `${dir}/tutorial004`, app: t004, requests: items },
  { module: `${dir}/tutorial005`, app: t005, requests: items },
  { module: `${dir}/tutorial006`, app: t006, requests: [printing("/users/me")] },
]);

test.run();
