// Differential test of docs_src/server_sent_events: the real FastAPI (tests/python/fastapi_apps/server_sent_events.py)
// and its TS twin (tests/fastapi/apps/server_sent_events.ts) answer tests/fastapi/cases/server_sent_events.ts alike.
import { test } from "uvu";
import { app } from "../apps/server_sent_events.js";
import { cases } from "../cases/server_sent_events.js";
import { differential } from "../differential.js";

differential(test, { python: "server_sent_events", ts: () => app, cases });

test.run();
