// Middleware: the last middleware added is the outermost, first on the way in, last on the way out.
import { fileURLToPath } from "node:url";
import { serve, type CallNext } from "starlette-ts";
import { FastAPI, type Request } from "starlette-ts/fastapi";

export const app = new FastAPI();

app.middleware("http")(async function middlewareA(request: Request, callNext: CallNext) {
  console.log("A: request");
  const response = await callNext(request);
  console.log("A: response");
  return response;
});

app.middleware("http")(async function middlewareB(request: Request, callNext: CallNext) {
  console.log("B: request");
  const response = await callNext(request);
  console.log("B: response");
  return response;
});

app.get("/", async function root() {
  console.log("path operation");
  return { message: "Hello World" };
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
