// The samples of docs/tutorial/first-steps.md against their FastAPI twins: the answers, the
// Swagger UI and ReDoc pages byte for byte, and /openapi.json whatever the order of keys.
import { test } from "uvu";
import { app as tutorial001 } from "../../examples/tutorial/first_steps/tutorial001.js";
import { compareDocuments } from "./_openapi.js";
import { comparePairs, type Sample } from "./_samples.js";

const samples: Sample[] = [
  {
    module: "examples/tutorial/first_steps/tutorial001",
    app: tutorial001,
    requests: [
      "/",
      "/nowhere",
      { method: "POST", path: "/" },
      { path: "/openapi.json", pythonOnly: true },
      "/docs",
      "/redoc",
      "/docs/oauth2-redirect",
    ],
  },
];

compareDocuments(test, samples, comparePairs(test, samples));

test.run();
