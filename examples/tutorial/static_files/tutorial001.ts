// Static files: serve a directory's files under /static.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI } from "starlette-ts/fastapi";
import { StaticFiles } from "starlette-ts/fastapi/staticfiles";

export const app = new FastAPI();

// FastAPI's sample says directory: "static", a folder of the working directory; a file: URL
// names the folder beside this file, wherever it is run from.
app.mount("/static", new StaticFiles({ directory: new URL("static", import.meta.url) }), "static");

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app);
