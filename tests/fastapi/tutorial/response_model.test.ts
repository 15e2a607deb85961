// Differential test of docs_src/response_model: the real FastAPI (tests/python/fastapi_apps/response_model.py)
// and its TS twin (tests/fastapi/apps/response_model.ts), with each kit's schemas, answer
// tests/fastapi/cases/response_model.ts alike.
import { makeApp } from "../apps/response_model.js";
import { cases } from "../cases/response_model.js";
import { differentialKits } from "../kits/differential.js";

differentialKits({ python: "response_model", makeApp, cases });
