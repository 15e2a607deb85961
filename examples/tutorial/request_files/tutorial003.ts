// Request Files: File() with options (a description) for bytes and for an UploadFile.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI, File } from "starlette-ts/fastapi";

export const app = new FastAPI();

app.post("/files/", { params: { file: File({ description: "A file read as bytes" }) } }, async function createFile({ file }) {
  return { file_size: file.byteLength };
});

app.post(
  "/uploadfile/",
  { params: { file: File({ as: "upload", description: "A file read as UploadFile" }) } },
  async function createUploadFile({ file }) {
    return { filename: file.filename };
  },
);

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
