// Differential test of docs_src/request_forms: the real FastAPI (tests/python/fastapi_apps/request_forms.py)
// and its TS twin (tests/fastapi/apps/request_forms.ts) answer tests/fastapi/cases/request_forms.ts alike.
import { test } from "uvu";
import { app } from "../apps/request_forms.js";
import { cases } from "../cases/request_forms.js";
import { differential } from "../differential.js";

differential(test, { python: "request_forms", ts: () => app, cases });

test.run();
