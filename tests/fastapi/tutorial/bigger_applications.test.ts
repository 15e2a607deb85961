// Differential test of docs_src/bigger_applications: the real FastAPI (tests/python/fastapi_apps/bigger_applications.py)
// and its TS twin (tests/fastapi/apps/bigger_applications.ts) answer tests/fastapi/cases/bigger_applications.ts alike.
import { test } from "uvu";
import { app } from "../apps/bigger_applications.js";
import { cases } from "../cases/bigger_applications.js";
import { differential } from "../differential.js";

differential(test, { python: "bigger_applications", ts: () => app, cases });

test.run();
