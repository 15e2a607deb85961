// Differential test of docs_src/body: the real FastAPI (tests/python/fastapi_apps/body.py)
// and its TS twin (tests/fastapi/apps/body.ts), with each kit's schemas, answer
// tests/fastapi/cases/body.ts alike.
import { makeApp } from "../apps/body.js";
import { cases } from "../cases/body.js";
import { differentialKits } from "../kits/differential.js";

differentialKits({ python: "body", makeApp, cases });
