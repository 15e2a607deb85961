// Differential test of docs_src/body_nested_models: the real FastAPI (tests/python/fastapi_apps/body_nested_models.py)
// and its TS twin (tests/fastapi/apps/body_nested_models.ts) answer tests/fastapi/cases/body_nested_models.ts alike.
import { test } from "uvu";
import { app } from "../apps/body_nested_models.js";
import { cases } from "../cases/body_nested_models.js";
import { differential } from "../differential.js";

differential(test, { python: "body_nested_models", ts: () => app, cases });

test.run();
