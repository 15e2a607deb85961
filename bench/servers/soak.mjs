// starlette-ts with sessions, plus a /__memory route that collects garbage and
// reports memory (run with --expose-gc), for the load and soak runs.
import { App, serve } from "../../dist/index.js";
import { SessionMiddleware } from "../../dist/middleware/sessions.js";

const app = new App();
app.addMiddleware(SessionMiddleware, { secretKey: "soak-secret" });
app.get("/session/incr")((request) => {
  const count = (request.session.get("count") ?? 0) + 1;
  request.session.set("count", count);
  return { count };
});
app.get("/plain")(() => "ok");
app.get("/__memory")(() => {
  globalThis.gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed };
});

await serve(app, { host: "127.0.0.1", port: Number(process.env.PORT), accessLog: false, log: () => undefined });
