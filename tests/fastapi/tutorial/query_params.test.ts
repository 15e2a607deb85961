// Differential test of docs_src/query_params: the real FastAPI (tests/python/fastapi_apps/query_params.py)
// and its TS twin (tests/fastapi/apps/query_params.ts) answer tests/fastapi/cases/query_params.ts alike.
import { test } from "uvu";
import { app } from "../apps/query_params.js";
import { cases } from "../cases/query_params.js";
import { differential } from "../differential.js";

differential(test, { python: "query_params", ts: () => app, cases });

test.run();
