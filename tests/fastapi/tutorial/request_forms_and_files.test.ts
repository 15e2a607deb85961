// Differential test of docs_src/request_forms_and_files: the real FastAPI (tests/python/fastapi_apps/request_forms_and_files.py)
// and its TS twin (tests/fastapi/apps/request_forms_and_files.ts) answer tests/fastapi/cases/request_forms_and_files.ts alike.
import { test } from "uvu";
import { app } from "../apps/request_forms_and_files.js";
import { cases } from "../cases/request_forms_and_files.js";
import { differential } from "../differential.js";

differential(test, { python: "request_forms_and_files", ts: () => app, cases });

test.run();
