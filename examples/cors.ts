// FastAPI's CORS tutorial: a front end on another origin may call this API,
// with its cookies. Only the origins listed are echoed back to the browser.
import { fileURLToPath } from "node:url";
import { App, serve } from "starlette-ts";
import { CORSMiddleware } from "starlette-ts/middleware/cors";

export const app = new App();

const origins = ["http://localhost.tiangolo.com", "https://localhost.tiangolo.com", "http://localhost", "http://localhost:8080"];

app.addMiddleware(CORSMiddleware, {
  allowOrigins: origins,
  allowCredentials: true,
  allowMethods: ["*"],
  allowHeaders: ["*"],
});

app.get("/")(() => ({ message: "Hello World" }));

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app);
