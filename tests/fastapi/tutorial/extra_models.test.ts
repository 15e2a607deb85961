// Differential test of docs_src/extra_models: the real FastAPI (tests/python/fastapi_apps/extra_models.py)
// and its TS twin (tests/fastapi/apps/extra_models.ts), with each kit's schemas, answer
// tests/fastapi/cases/extra_models.ts alike.
import { makeApp } from "../apps/extra_models.js";
import { cases } from "../cases/extra_models.js";
import { differentialKits } from "../kits/differential.js";

differentialKits({ python: "extra_models", makeApp, cases });
