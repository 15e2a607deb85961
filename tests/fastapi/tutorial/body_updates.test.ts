// Differential test of docs_src/body_updates: the real FastAPI (tests/python/fastapi_apps/body_updates.py)
// and its TS twin (tests/fastapi/apps/body_updates.ts) answer tests/fastapi/cases/body_updates.ts alike.
import { test } from "uvu";
import { app } from "../apps/body_updates.js";
import { cases } from "../cases/body_updates.js";
import { differential } from "../differential.js";

differential(test, { python: "body_updates", ts: () => app, cases });

test.run();
