// Differential test of docs_src/body: the real FastAPI (tests/python/fastapi_apps/body.py)
// and its TS twin (tests/fastapi/apps/body.ts) answer tests/fastapi/cases/body.ts alike.
import { test } from "uvu";
import { app } from "../apps/body.js";
import { cases } from "../cases/body.js";
import { differential } from "../differential.js";

differential(test, { python: "body", ts: () => app, cases });

test.run();
