// starlette-ts, from the built package (dist/), as an app would run it.
import { App, PlainTextResponse, serve } from "../../dist/index.js";
import { SessionMiddleware } from "../../dist/middleware/sessions.js";

const mode = process.env.MODE ?? "plain";
const layers = Number(process.env.LAYERS ?? 0);

class PassThrough {
  constructor(app) {
    this.app = app;
  }
  call(scope, receive, send) {
    return this.app(scope, receive, send);
  }
}

// The least any middleware that waits for the inner app can cost: one await.
class AwaitNext {
  constructor(app) {
    this.app = app;
  }
  async call(scope, receive, send) {
    await this.app(scope, receive, send);
  }
}

const app = new App();
if (mode === "http") for (let i = 0; i < layers; i++) app.middleware("http")((request, callNext) => callNext(request));
if (mode === "asgi") for (let i = 0; i < layers; i++) app.addMiddleware(PassThrough);
if (mode === "await") for (let i = 0; i < layers; i++) app.addMiddleware(AwaitNext);
app.addMiddleware(SessionMiddleware, { secretKey: "bench-secret" });

app.get("/plain")(() => new PlainTextResponse("ok"));
app.get("/json")(() => ({ hello: "world" }));
app.get("/session/incr")((request) => {
  const count = (request.session.get("count") ?? 0) + 1;
  request.session.set("count", count);
  return { count };
});
app.get("/session/seed")((request) => {
  request.session.set("count", 0);
  request.session.set("pad", "x".repeat(Number(request.queryParams.get("bytes", "0"))));
  return { ok: true };
});

await serve(app, { host: "127.0.0.1", port: Number(process.env.PORT), accessLog: false, log: () => undefined });
