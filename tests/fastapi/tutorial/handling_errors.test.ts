// Differential test of docs_src/handling_errors: the real FastAPI (tests/python/fastapi_apps/handling_errors.py)
// and its TS twin (tests/fastapi/apps/handling_errors.ts), with each kit's schemas, answer
// tests/fastapi/cases/handling_errors.ts alike.
import { makeApp } from "../apps/handling_errors.js";
import { cases } from "../cases/handling_errors.js";
import { differentialKits } from "../kits/differential.js";

differentialKits({ python: "handling_errors", makeApp, cases });
