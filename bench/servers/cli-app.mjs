// The app of servers/starlette-ts.mjs (plain mode) as a module for the starlette-ts command,
// which serves it: `starlette-ts servers/cli-app.mjs:app --workers 2` (bench/workers.ts).
import { App, PlainTextResponse } from "../../dist/index.js";
import { SessionMiddleware } from "../../dist/middleware/sessions.js";

export const app = new App();
app.addMiddleware(SessionMiddleware, { secretKey: "bench-secret" });

app.get("/plain")(() => new PlainTextResponse("ok"));
app.get("/session/incr")((request) => {
  const count = (request.session.get("count") ?? 0) + 1;
  request.session.set("count", count);
  return { count, pid: process.pid };
});
