// Differential test of docs_src/body_updates: the real FastAPI (tests/python/fastapi_apps/body_updates.py)
// and its TS twin (tests/fastapi/apps/body_updates.ts), with each kit's schemas, answer
// tests/fastapi/cases/body_updates.ts alike.
import { makeApp } from "../apps/body_updates.js";
import { cases } from "../cases/body_updates.js";
import { differentialKits } from "../kits/differential.js";

differentialKits({ python: "body_updates", makeApp, cases });
