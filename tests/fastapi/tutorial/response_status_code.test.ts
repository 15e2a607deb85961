// Differential test of docs_src/response_status_code: the real FastAPI (tests/python/fastapi_apps/response_status_code.py)
// and its TS twin (tests/fastapi/apps/response_status_code.ts) answer tests/fastapi/cases/response_status_code.ts alike.
import { test } from "uvu";
import { app } from "../apps/response_status_code.js";
import { cases } from "../cases/response_status_code.js";
import { differential } from "../differential.js";

differential(test, { python: "response_status_code", ts: () => app, cases });

test.run();
