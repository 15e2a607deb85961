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

// MODE=asgi: the adapter's floor, an ASGI function answering /plain and /json with fixed messages at once.
const ANSWERS = new Map(Object.entries({
  "/plain": [{ type: "http.response.start", status: 200, headers: [["content-length", "2"], ["content-type", "text/plain; charset=utf-8"]] }, { type: "http.response.body", body: new TextEncoder().encode("ok") }],
  "/json": [{ type: "http.response.start", status: 200, headers: [["content-length", "17"], ["content-type", "application/json"]] }, { type: "http.response.body", body: new TextEncoder().encode('{"hello":"world"}') }],
}));
const NOT_FOUND = [{ type: "http.response.start", status: 404, headers: [["content-length", "9"]] }, { type: "http.response.body", body: new TextEncoder().encode("Not Found") }];
function bare(scope, receive, send) {
  const [start, body] = ANSWERS.get(scope.path) ?? NOT_FOUND;
  send(start);
  return send(body);
}

export default { hostname: "127.0.0.1", port: Number(process.env.PORT), development: false, fetch: toFetchHandler(process.env.MODE === "asgi" ? bare : app, { lifespan: process.env.MODE === "asgi" ? "off" : "auto" }) };
