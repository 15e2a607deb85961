// A route that uses request.session in an app with no SessionMiddleware at all.
import { fileURLToPath } from "node:url";
import { App, serve, type Request } from "starlette-ts";

export const app = new App();

app.get("/test-session")((request: Request) => {
  request.session.set("test", "value");
  return { session: request.session };
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app);
