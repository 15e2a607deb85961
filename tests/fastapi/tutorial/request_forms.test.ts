// Differential test of docs_src/request_forms: the real FastAPI (tests/python/fastapi_apps/request_forms.py)
// and its TS twin (tests/fastapi/apps/request_forms.ts), with each kit's schemas, answer
// tests/fastapi/cases/request_forms.ts alike.
import { makeApp } from "../apps/request_forms.js";
import { cases } from "../cases/request_forms.js";
import { differentialKits } from "../kits/differential.js";

differentialKits({ python: "request_forms", makeApp, cases });
