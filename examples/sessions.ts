// Sessions as the FastAPI docs use them: set, read with a default, delete a
// key, clear. The secret comes from the environment in production.
import { fileURLToPath } from "node:url";
import { App, serve, type Request } from "starlette-ts";
import { SessionMiddleware, type SessionOptions } from "starlette-ts/middleware/sessions";

export function createApp(options: Partial<SessionOptions> = {}): App {
  const app = new App();
  app.addMiddleware(SessionMiddleware, { secretKey: process.env.SECRET_KEY ?? "some-random-string", ...options });

  app.get("/set-session")((request: Request) => {
    request.session.set("key", "value");
    return { message: "Session data set" };
  });

  app.get("/set-two")((request: Request) => {
    request.session.set("key", "value");
    request.session.set("other", 123);
    return { message: "Two keys set" };
  });

  app.get("/get-session")((request: Request) => ({ key: request.session.get("key") }));

  app.get("/delete-session")((request: Request) => {
    request.session.pop("key", null);
    return { message: "Session key deleted", session: request.session };
  });

  app.get("/clear-session")((request: Request) => {
    request.session.clear();
    return { message: "Session cleared" };
  });

  app.get("/noop")((request: Request) => ({ session: request.session }));
  return app;
}

export const app = createApp();

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app);
