// Response types and status codes.
import { fileURLToPath } from "node:url";
import {
  App,
  FileResponse,
  HTMLResponse,
  JSONResponse,
  PlainTextResponse,
  RedirectResponse,
  Response,
  serve,
  StreamingResponse,
} from "starlette-ts";

export const app = new App();

app.post("/items/")(() => new JSONResponse({ created: true }, { statusCode: 201 }));
app.get("/html")(() => new HTMLResponse("<h1>Hello</h1>"));
app.get("/text")(() => new PlainTextResponse("Hello"));
app.get("/xml")(() => new Response('<?xml version="1.0"?><hello/>', { mediaType: "application/xml" }));
app.get("/old-path")(() => new RedirectResponse("/html")); // 307 by default
app.delete("/items/{id}")(() => new Response(null, { statusCode: 204 }));

app.get("/stream")(() => {
  async function* numbers() {
    for (let i = 1; i <= 3; i++) yield `line ${i}\n`;
  }
  return new StreamingResponse(numbers(), { mediaType: "text/plain" });
});

app.get("/source")(() => new FileResponse(fileURLToPath(import.meta.url), { filename: "responses.ts", mediaType: "text/plain" }));

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app);
