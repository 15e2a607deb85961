// Differential test of docs_src/stream_json_lines: the real FastAPI (tests/python/fastapi_apps/stream_json_lines.py)
// and its TS twin (tests/fastapi/apps/stream_json_lines.ts) answer tests/fastapi/cases/stream_json_lines.ts alike.
import { test } from "uvu";
import { app } from "../apps/stream_json_lines.js";
import { cases } from "../cases/stream_json_lines.js";
import { differential } from "../differential.js";

differential(test, { python: "stream_json_lines", ts: () => app, cases });

test.run();
