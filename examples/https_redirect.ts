// FastAPI's HTTPSRedirectMiddleware example: http and ws requests are sent,
// with 307, to the same URL on https and wss.
import { fileURLToPath } from "node:url";
import { App, serve } from "starlette-ts";
import { HTTPSRedirectMiddleware } from "starlette-ts/middleware/httpsredirect";

export const app = new App();

app.addMiddleware(HTTPSRedirectMiddleware);

app.get("/")(() => ({ message: "Hello World" }));

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app);
