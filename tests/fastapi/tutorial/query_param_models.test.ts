// Differential test of docs_src/query_param_models: the real FastAPI (tests/python/fastapi_apps/query_param_models.py)
// and its TS twin (tests/fastapi/apps/query_param_models.ts) answer tests/fastapi/cases/query_param_models.ts alike.
import { test } from "uvu";
import { app } from "../apps/query_param_models.js";
import { cases } from "../cases/query_param_models.js";
import { differential } from "../differential.js";

differential(test, { python: "query_param_models", ts: () => app, cases });

test.run();
