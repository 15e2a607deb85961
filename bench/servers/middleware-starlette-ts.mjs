// starlette-ts (dist/): CORSMiddleware and GZipMiddleware (level 9, Starlette's default) around
// a route answering the 10 KiB JSON as bytes.
import { readFileSync } from "node:fs";
import { App, Response, serve } from "../../dist/index.js";
import { CORSMiddleware } from "../../dist/middleware/cors.js";
import { GZipMiddleware } from "../../dist/middleware/gzip.js";

const payload = readFileSync(process.env.MIDDLEWARE_PAYLOAD);
const app = new App();
app.addMiddleware(GZipMiddleware, { minimumSize: 500, compresslevel: 9 });
app.addMiddleware(CORSMiddleware, {
  allowOrigins: ["https://app.example"],
  allowMethods: ["GET", "PUT"],
  allowHeaders: ["content-type", "x-token"],
  allowCredentials: true,
  maxAge: 600,
});
app.get("/json10k")(() => new Response(payload, { mediaType: "application/json" }));
await serve(app, { port: Number(process.env.PORT), accessLog: false, log: () => undefined });
