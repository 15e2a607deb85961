// Differential test of docs_src/path_params_numeric_validations: the real FastAPI (tests/python/fastapi_apps/path_params_numeric_validations.py)
// and its TS twin (tests/fastapi/apps/path_params_numeric_validations.ts) answer tests/fastapi/cases/path_params_numeric_validations.ts alike.
import { test } from "uvu";
import { app } from "../apps/path_params_numeric_validations.js";
import { cases } from "../cases/path_params_numeric_validations.js";
import { differential } from "../differential.js";

differential(test, { python: "path_params_numeric_validations", ts: () => app, cases });

test.run();
