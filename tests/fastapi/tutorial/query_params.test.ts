// Differential test of docs_src/query_params: the real FastAPI (tests/python/fastapi_apps/query_params.py)
// and its TS twin (tests/fastapi/apps/query_params.ts), with each kit's schemas, answer
// tests/fastapi/cases/query_params.ts alike.
import { makeApp } from "../apps/query_params.js";
import { cases } from "../cases/query_params.js";
import { differentialKits } from "../kits/differential.js";

differentialKits({ python: "query_params", makeApp, cases });
