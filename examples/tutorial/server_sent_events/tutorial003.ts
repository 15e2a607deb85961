// Server-Sent Events: rawData sends text as it is, without encoding it as JSON.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { EventSourceResponse, FastAPI, ServerSentEvent } from "starlette-ts/fastapi";

export const app = new FastAPI();

app.get("/logs/stream", { responseClass: EventSourceResponse }, async function* streamLogs(): AsyncGenerator<ServerSentEvent> {
  const logs = ["2025-01-01 INFO  Application started", "2025-01-01 DEBUG Connected to database", "2025-01-01 WARN  High memory usage detected"];
  for (const logLine of logs) {
    yield new ServerSentEvent({ rawData: logLine });
  }
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
