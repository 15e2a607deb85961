// Differential test of docs_src/header_param_models: the real FastAPI (tests/python/fastapi_apps/header_param_models.py)
// and its TS twin (tests/fastapi/apps/header_param_models.ts) answer tests/fastapi/cases/header_param_models.ts alike.
import { test } from "uvu";
import { app } from "../apps/header_param_models.js";
import { cases } from "../cases/header_param_models.js";
import { differential } from "../differential.js";

differential(test, { python: "header_param_models", ts: () => app, cases });

test.run();
