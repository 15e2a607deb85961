// starlette-ts on Bun through its fetch adapter (dist/fetch.js): the app of starlette-ts.mjs,
// SessionMiddleware included (MODE=bare: without it), served by Bun from a module whose
// default export has `fetch`.
import { App, PlainTextResponse } from "../../dist/index.js";
import { toFetchHandler } from "../../dist/fetch.js";
import { SessionMiddleware } from "../../dist/middleware/sessions.js";

const app = new App();
if (process.env.MODE !== "bare") app.addMiddleware(SessionMiddleware, { secretKey: "bench-secret" });

app.get("/plain")(() => new PlainTextResponse("ok"));
app.get("/json")(() => ({ hello: "world" }));
app.get("/session/incr")((request) => {
  const count = (request.session.get("count") ?? 0) + 1;
  request.session.set("count", count);
  return { count };
});

export default { hostname: "127.0.0.1", port: Number(process.env.PORT), development: false, fetch: toFetchHandler(app) };
