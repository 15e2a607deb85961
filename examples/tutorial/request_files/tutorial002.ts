// Request Files: optional files, null when the form has none.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI, File } from "starlette-ts/fastapi";

export const app = new FastAPI();

app.post("/files/", { params: { file: File({ optional: true }) } }, async function createFile({ file }) {
  if (!file) {
    return { message: "No file sent" };
  } else {
    return { file_size: file.byteLength };
  }
});

app.post("/uploadfile/", { params: { file: File({ as: "upload", optional: true }) } }, async function createUploadFile({ file }) {
  if (!file) {
    return { message: "No upload file sent" };
  } else {
    return { filename: file.filename };
  }
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
