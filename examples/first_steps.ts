// FastAPI's "First Steps": an app, a path operation, a return value that becomes JSON.
import { fileURLToPath } from "node:url";
import { App, serve } from "starlette-ts";

export const app = new App();

app.get("/")(async function root() {
  return { message: "Hello World" };
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { host: "127.0.0.1", port: 8000 });
