// The ordering bug without a guard: the http middleware reads request.session
// while SessionMiddleware runs inside it, so the read throws
// "SessionMiddleware must be installed to access request.session" and the
// client gets a 500.
import { fileURLToPath } from "node:url";
import { App, serve, type Request } from "starlette-ts";
import { SessionMiddleware } from "starlette-ts/middleware/sessions";

export const app = new App();

app.addMiddleware(SessionMiddleware, { secretKey: "some-random-string" });

app.middleware("http")(async function someMiddleware(request, callNext) {
  request.session.set("middleware", "was here");
  return callNext(request);
});

app.get("/test-session")((request: Request) => {
  request.session.set("test", "value");
  return { session: request.session };
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app);
