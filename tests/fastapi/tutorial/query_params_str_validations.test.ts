// Differential test of docs_src/query_params_str_validations: the real FastAPI (tests/python/fastapi_apps/query_params_str_validations.py)
// and its TS twin (tests/fastapi/apps/query_params_str_validations.ts) answer tests/fastapi/cases/query_params_str_validations.ts alike.
import { test } from "uvu";
import { app } from "../apps/query_params_str_validations.js";
import { cases } from "../cases/query_params_str_validations.js";
import { differential } from "../differential.js";

differential(test, { python: "query_params_str_validations", ts: () => app, cases });

test.run();
