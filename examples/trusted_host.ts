// FastAPI's TrustedHostMiddleware example: requests for any other host get
// 400 "Invalid host header" (a guard against Host header attacks).
import { fileURLToPath } from "node:url";
import { App, serve } from "starlette-ts";
import { TrustedHostMiddleware } from "starlette-ts/middleware/trustedhost";

export const app = new App();

app.addMiddleware(TrustedHostMiddleware, { allowedHosts: ["example.com", "*.example.com"] });

app.get("/")(() => ({ message: "Hello World" }));

/** Only www.example.com is served: example.com is redirected there. */
export const wwwOnly = new App();
wwwOnly.addMiddleware(TrustedHostMiddleware, { allowedHosts: ["www.example.com"] });
wwwOnly.get("/")(() => ({ message: "Hello from www" }));

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app);
