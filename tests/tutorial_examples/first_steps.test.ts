// The samples of docs/tutorial/first-steps.md against their FastAPI twins.
import { test } from "uvu";
import { app as tutorial001 } from "../../examples/tutorial/first_steps/tutorial001.js";
import { comparePairs } from "./_samples.js";

comparePairs(test, [{ module: "examples/tutorial/first_steps/tutorial001", app: tutorial001, requests: ["/", "/nowhere", { method: "POST", path: "/" }] }]);

test.run();
