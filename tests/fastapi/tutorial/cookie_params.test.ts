// Differential test of docs_src/cookie_params: the real FastAPI (tests/python/fastapi_apps/cookie_params.py)
// and its TS twin (tests/fastapi/apps/cookie_params.ts) answer tests/fastapi/cases/cookie_params.ts alike.
import { test } from "uvu";
import { app } from "../apps/cookie_params.js";
import { cases } from "../cases/cookie_params.js";
import { differential } from "../differential.js";

differential(test, { python: "cookie_params", ts: () => app, cases });

test.run();
