// The fix for the ordering bug: add SessionMiddleware *after* the http
// middleware, so it is the outer layer and the session exists when the http
// middleware runs.
import { fileURLToPath } from "node:url";
import { App, serve, type Request } from "starlette-ts";
import { SessionMiddleware } from "starlette-ts/middleware/sessions";

export const app = new App();

app.middleware("http")(async function someMiddleware(request, callNext) {
  if ("session" in request.scope) {
    const value = request.session.get("test");
    console.log(value ? `Middleware session value: ${value}` : "No session value found.");
  } else {
    console.log("Session middleware is not applied correctly.");
  }
  return callNext(request);
});

app.addMiddleware(SessionMiddleware, { secretKey: "some-random-string" });

app.get("/test-session")((request: Request) => {
  request.session.set("test", "value");
  return { session: request.session };
});

app.get("/read-session")((request: Request) => ({ session: request.session }));

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app);
