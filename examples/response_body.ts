// Seeing the response body in an http middleware: the response callNext gives
// streams its body through bodyIterator (Starlette's body_iterator); put a
// wrapper in its place to watch or change the bytes on their way out.
import { fileURLToPath } from "node:url";
import { App, serve, type CallNext, type Request } from "starlette-ts";

export const app = new App();
export const logged: string[] = [];

app.middleware("http")(async function logBodySize(request: Request, callNext: CallNext) {
  const response = await callNext(request);
  const body = response.bodyIterator;
  response.bodyIterator = (async function* () {
    let size = 0;
    for await (const chunk of body) {
      if (chunk instanceof Uint8Array) size += chunk.byteLength;
      yield chunk;
    }
    logged.push(`${request.method} ${request.url.path}: ${size} bytes`);
  })();
  return response;
});

app.get("/")(() => ({ message: "Hello" }));

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app);
