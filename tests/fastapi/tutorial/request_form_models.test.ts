// Differential test of docs_src/request_form_models: the real FastAPI (tests/python/fastapi_apps/request_form_models.py)
// and its TS twin (tests/fastapi/apps/request_form_models.ts) answer tests/fastapi/cases/request_form_models.ts alike.
import { test } from "uvu";
import { app } from "../apps/request_form_models.js";
import { cases } from "../cases/request_form_models.js";
import { differential } from "../differential.js";

differential(test, { python: "request_form_models", ts: () => app, cases });

test.run();
