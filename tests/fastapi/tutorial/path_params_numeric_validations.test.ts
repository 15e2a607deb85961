// Differential test of docs_src/path_params_numeric_validations: the real FastAPI (tests/python/fastapi_apps/path_params_numeric_validations.py)
// and its TS twin (tests/fastapi/apps/path_params_numeric_validations.ts), with each kit's schemas, answer
// tests/fastapi/cases/path_params_numeric_validations.ts alike.
import { makeApp } from "../apps/path_params_numeric_validations.js";
import { cases } from "../cases/path_params_numeric_validations.js";
import { differentialKits } from "../kits/differential.js";

differentialKits({ python: "path_params_numeric_validations", makeApp, cases });
