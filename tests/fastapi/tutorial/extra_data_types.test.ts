// Differential test of docs_src/extra_data_types: the real FastAPI (tests/python/fastapi_apps/extra_data_types.py)
// and its TS twin (tests/fastapi/apps/extra_data_types.ts) answer tests/fastapi/cases/extra_data_types.ts alike.
import { test } from "uvu";
import { app } from "../apps/extra_data_types.js";
import { cases } from "../cases/extra_data_types.js";
import { differential } from "../differential.js";

differential(test, { python: "extra_data_types", ts: () => app, cases });

test.run();
