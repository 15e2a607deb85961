// Differential test of docs_src/path_operation_configuration: the real FastAPI (tests/python/fastapi_apps/path_operation_configuration.py)
// and its TS twin (tests/fastapi/apps/path_operation_configuration.ts) answer tests/fastapi/cases/path_operation_configuration.ts alike.
import { test } from "uvu";
import { app } from "../apps/path_operation_configuration.js";
import { cases } from "../cases/path_operation_configuration.js";
import { differential } from "../differential.js";

differential(test, { python: "path_operation_configuration", ts: () => app, cases });

test.run();
