// Differential test of docs_src/request_files: the real FastAPI (tests/python/fastapi_apps/request_files.py)
// and its TS twin (tests/fastapi/apps/request_files.ts) answer tests/fastapi/cases/request_files.ts alike.
import { test } from "uvu";
import { app } from "../apps/request_files.js";
import { cases } from "../cases/request_files.js";
import { differential } from "../differential.js";

differential(test, { python: "request_files", ts: () => app, cases });

test.run();
