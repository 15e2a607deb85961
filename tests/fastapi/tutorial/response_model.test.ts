// Differential test of docs_src/response_model: the real FastAPI (tests/python/fastapi_apps/response_model.py)
// and its TS twin (tests/fastapi/apps/response_model.ts) answer tests/fastapi/cases/response_model.ts alike.
import { test } from "uvu";
import { app } from "../apps/response_model.js";
import { cases } from "../cases/response_model.js";
import { differential } from "../differential.js";

differential(test, { python: "response_model", ts: () => app, cases });

test.run();
