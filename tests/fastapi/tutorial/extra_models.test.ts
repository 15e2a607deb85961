// Differential test of docs_src/extra_models: the real FastAPI (tests/python/fastapi_apps/extra_models.py)
// and its TS twin (tests/fastapi/apps/extra_models.ts) answer tests/fastapi/cases/extra_models.ts alike.
import { test } from "uvu";
import { app } from "../apps/extra_models.js";
import { cases } from "../cases/extra_models.js";
import { differential } from "../differential.js";

differential(test, { python: "extra_models", ts: () => app, cases });

test.run();
