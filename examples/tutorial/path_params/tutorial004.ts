// A path parameter that holds a path: Starlette's :path convertor matches slashes too.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI, Path } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

app.get("/files/{file_path:path}", { params: { file_path: Path(z.string()) } }, async function readFile({ file_path }) {
  return { file_path };
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
