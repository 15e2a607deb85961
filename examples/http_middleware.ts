// FastAPI's middleware tutorial: time every request and report it in a header.
import { fileURLToPath } from "node:url";
import { App, serve, type CallNext, type Request } from "starlette-ts";

export const app = new App();

app.middleware("http")(async function addProcessTimeHeader(request: Request, callNext: CallNext) {
  const start = performance.now();
  const response = await callNext(request);
  const elapsedSeconds = (performance.now() - start) / 1000;
  response.headers.set("X-Process-Time", String(elapsedSeconds));
  return response;
});

app.get("/")(() => ({ message: "Hello" }));

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app);
