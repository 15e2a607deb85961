// The classic ordering bug (FastAPI issue #4746): SessionMiddleware is added
// first, then an http middleware that wants the session. The last middleware
// added runs first, so the http middleware runs *outside* SessionMiddleware and
// sees no session; the route, inside both, still gets one.
import { fileURLToPath } from "node:url";
import { App, serve, type Request } from "starlette-ts";
import { SessionMiddleware } from "starlette-ts/middleware/sessions";

export const app = new App();

app.addMiddleware(SessionMiddleware, { secretKey: "some-random-string" });

app.middleware("http")(async function someMiddleware(request, callNext) {
  if ("session" in request.scope) {
    const value = request.session.get("test");
    console.log(value ? `Middleware session value: ${value}` : "No session value found.");
  } else {
    console.log("Session middleware is not applied correctly.");
  }
  return callNext(request);
});

app.get("/test-session")((request: Request) => {
  request.session.set("test", "value");
  return { session: request.session };
});

app.get("/read-session")((request: Request) => ({ session: request.session }));

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app);
