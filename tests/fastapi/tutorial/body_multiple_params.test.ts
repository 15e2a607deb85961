// Differential test of docs_src/body_multiple_params: the real FastAPI (tests/python/fastapi_apps/body_multiple_params.py)
// and its TS twin (tests/fastapi/apps/body_multiple_params.ts), with each kit's schemas, answer
// tests/fastapi/cases/body_multiple_params.ts alike.
import { makeApp } from "../apps/body_multiple_params.js";
import { cases } from "../cases/body_multiple_params.js";
import { differentialKits } from "../kits/differential.js";

differentialKits({ python: "body_multiple_params", makeApp, cases });
