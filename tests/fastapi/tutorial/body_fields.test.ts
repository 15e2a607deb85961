// Differential test of docs_src/body_fields: the real FastAPI (tests/python/fastapi_apps/body_fields.py)
// and its TS twin (tests/fastapi/apps/body_fields.ts) answer tests/fastapi/cases/body_fields.ts alike.
import { test } from "uvu";
import { app } from "../apps/body_fields.js";
import { cases } from "../cases/body_fields.js";
import { differential } from "../differential.js";

differential(test, { python: "body_fields", ts: () => app, cases });

test.run();
