// Differential test of docs_src/body_multiple_params: the real FastAPI (tests/python/fastapi_apps/body_multiple_params.py)
// and its TS twin (tests/fastapi/apps/body_multiple_params.ts) answer tests/fastapi/cases/body_multiple_params.ts alike.
import { test } from "uvu";
import { app } from "../apps/body_multiple_params.js";
import { cases } from "../cases/body_multiple_params.js";
import { differential } from "../differential.js";

differential(test, { python: "body_multiple_params", ts: () => app, cases });

test.run();
