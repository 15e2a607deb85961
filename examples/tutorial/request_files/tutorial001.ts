// Request Files: one file as bytes, one as an UploadFile.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI, File, UploadFile } from "starlette-ts/fastapi";

export const app = new FastAPI();

app.post("/files/", { params: { file: File() } }, async function createFile({ file }) {
  return { file_size: file.byteLength };
});

app.post("/uploadfile/", { params: { file: UploadFile } }, async function createUploadFile({ file }) {
  return { filename: file.filename };
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
