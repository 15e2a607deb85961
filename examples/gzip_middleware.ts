// FastAPI's GZip example, and a stream: each chunk is compressed and sent as
// it comes (a server-sent event stream would be left alone).
import { fileURLToPath } from "node:url";
import { App, serve, StreamingResponse } from "starlette-ts";
import { GZipMiddleware } from "starlette-ts/middleware/gzip";

export const app = new App();

app.addMiddleware(GZipMiddleware, { minimumSize: 1000, compresslevel: 5 });

app.get("/")(() => "somebigcontent".repeat(100));

app.get("/small")(() => "under minimumSize: sent as it is");

async function* report(): AsyncGenerator<string> {
  for (let line = 1; line <= 5; line++) {
    yield `line ${line}: ${"data ".repeat(50)}\n`;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

app.get("/report")(() => new StreamingResponse(report(), { mediaType: "text/plain" }));

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app);
