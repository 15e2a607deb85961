// Differential test of docs_src/header_params: the real FastAPI (tests/python/fastapi_apps/header_params.py)
// and its TS twin (tests/fastapi/apps/header_params.ts), with each kit's schemas, answer
// tests/fastapi/cases/header_params.ts alike.
import { makeApp } from "../apps/header_params.js";
import { cases } from "../cases/header_params.js";
import { differentialKits } from "../kits/differential.js";

differentialKits({ python: "header_params", makeApp, cases });
