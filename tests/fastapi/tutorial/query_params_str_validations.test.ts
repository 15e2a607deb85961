// Differential test of docs_src/query_params_str_validations: the real FastAPI (tests/python/fastapi_apps/query_params_str_validations.py)
// and its TS twin (tests/fastapi/apps/query_params_str_validations.ts), with each kit's
// schemas, answer tests/fastapi/cases/query_params_str_validations.ts alike.
import { makeApp } from "../apps/query_params_str_validations.js";
import { cases } from "../cases/query_params_str_validations.js";
import { differentialKits } from "../kits/differential.js";

differentialKits({ python: "query_params_str_validations", makeApp, cases });
