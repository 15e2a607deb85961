// Differential test of docs_src/handling_errors: the real FastAPI (tests/python/fastapi_apps/handling_errors.py)
// and its TS twin (tests/fastapi/apps/handling_errors.ts) answer tests/fastapi/cases/handling_errors.ts alike.
import { test } from "uvu";
import { app } from "../apps/handling_errors.js";
import { cases } from "../cases/handling_errors.js";
import { differential } from "../differential.js";

differential(test, { python: "handling_errors", ts: () => app, cases });

test.run();
