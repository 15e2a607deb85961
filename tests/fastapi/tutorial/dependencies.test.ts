// Differential test of docs_src/dependencies: the real FastAPI (tests/python/fastapi_apps/dependencies.py)
// and its TS twin (tests/fastapi/apps/dependencies.ts) answer tests/fastapi/cases/dependencies.ts alike.
import { test } from "uvu";
import { app } from "../apps/dependencies.js";
import { cases } from "../cases/dependencies.js";
import { differential } from "../differential.js";

differential(test, { python: "dependencies", ts: () => app, cases });

test.run();
