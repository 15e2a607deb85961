// Differential test of docs_src/cookie_param_models: the real FastAPI (tests/python/fastapi_apps/cookie_param_models.py)
// and its TS twin (tests/fastapi/apps/cookie_param_models.ts) answer tests/fastapi/cases/cookie_param_models.ts alike.
import { test } from "uvu";
import { app } from "../apps/cookie_param_models.js";
import { cases } from "../cases/cookie_param_models.js";
import { differential } from "../differential.js";

differential(test, { python: "cookie_param_models", ts: () => app, cases });

test.run();
