// The smallest app: one route, served on http://127.0.0.1:8000.
import { fileURLToPath } from "node:url";
import { App, serve } from "starlette-ts";

export const app = new App();

app.get("/")(() => ({ Hello: "World" }));

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
