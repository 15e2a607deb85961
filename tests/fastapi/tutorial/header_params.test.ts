// Differential test of docs_src/header_params: the real FastAPI (tests/python/fastapi_apps/header_params.py)
// and its TS twin (tests/fastapi/apps/header_params.ts) answer tests/fastapi/cases/header_params.ts alike.
import { test } from "uvu";
import { app } from "../apps/header_params.js";
import { cases } from "../cases/header_params.js";
import { differential } from "../differential.js";

differential(test, { python: "header_params", ts: () => app, cases });

test.run();
