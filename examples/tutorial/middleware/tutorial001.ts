// Middleware: time every request and report the time in a response header.
import { fileURLToPath } from "node:url";
import { serve, type CallNext } from "starlette-ts";
import { FastAPI, type Request } from "starlette-ts/fastapi";

export const app = new FastAPI();

app.middleware("http")(async function addProcessTimeHeader(request: Request, callNext: CallNext) {
  const startTime = performance.now();
  const response = await callNext(request);
  const processTime = (performance.now() - startTime) / 1000;
  response.headers.set("X-Process-Time", String(processTime));
  return response;
});

// Not in FastAPI's sample: a path operation to time.
app.get("/", async function root() {
  return { message: "Hello World" };
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
