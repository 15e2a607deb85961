// Differential test of docs_src/dependencies_with_yield: the real FastAPI (tests/python/fastapi_apps/dependencies_with_yield.py)
// and its TS twin (tests/fastapi/apps/dependencies_with_yield.ts) answer tests/fastapi/cases/dependencies_with_yield.ts alike.
import { test } from "uvu";
import { app } from "../apps/dependencies_with_yield.js";
import { cases } from "../cases/dependencies_with_yield.js";
import { differential } from "../differential.js";

differential(test, { python: "dependencies_with_yield", ts: () => app, cases });

test.run();
