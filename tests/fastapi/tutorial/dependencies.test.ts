// Differential test of docs_src/dependencies: the real FastAPI (tests/python/fastapi_apps/dependencies.py)
// and its TS twin (tests/fastapi/apps/dependencies.ts), with each kit's schemas, answer
// tests/fastapi/cases/dependencies.ts alike.
import { makeApp } from "../apps/dependencies.js";
import { cases } from "../cases/dependencies.js";
import { differentialKits } from "../kits/differential.js";

differentialKits({ python: "dependencies", makeApp, cases });
