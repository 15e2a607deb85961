// Differential test of docs_src/path_params: the real FastAPI (tests/python/fastapi_apps/path_params.py)
// and its TS twin (tests/fastapi/apps/path_params.ts) answer tests/fastapi/cases/path_params.ts alike.
import { test } from "uvu";
import { app } from "../apps/path_params.js";
import { cases } from "../cases/path_params.js";
import { differential } from "../differential.js";

differential(test, { python: "path_params", ts: () => app, cases });

test.run();
