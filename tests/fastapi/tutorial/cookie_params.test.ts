// Differential test of docs_src/cookie_params: the real FastAPI (tests/python/fastapi_apps/cookie_params.py)
// and its TS twin (tests/fastapi/apps/cookie_params.ts), with each kit's schemas, answer
// tests/fastapi/cases/cookie_params.ts alike.
import { makeApp } from "../apps/cookie_params.js";
import { cases } from "../cases/cookie_params.js";
import { differentialKits } from "../kits/differential.js";

differentialKits({ python: "cookie_params", makeApp, cases });
