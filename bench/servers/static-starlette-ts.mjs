// starlette-ts's StaticFiles, from the built package (dist/), mounted as the docs show;
// with --no-cache, cacheSize 0: Starlette's own path, no file kept in memory.
import { App, serve } from "../../dist/index.js";
import { StaticFiles } from "../../dist/staticfiles.js";

const cacheSize = process.argv.includes("--no-cache") ? 0 : undefined;
const app = new App();
app.mount("/static", new StaticFiles({ directory: process.env.STATIC_DIR, cacheSize }), "static");
await serve(app, { port: Number(process.env.PORT), accessLog: false, log: () => undefined });
