// Request Files: several files under one form field, and a page with the forms to send them.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI, File, HTMLResponse } from "starlette-ts/fastapi";

export const app = new FastAPI();

app.post("/files/", { params: { files: File({ multiple: true }) } }, async function createFiles({ files }) {
  return { file_sizes: files.map((file) => file.byteLength) };
});

app.post("/uploadfiles/", { params: { files: File({ as: "upload", multiple: true }) } }, async function createUploadFiles({ files }) {
  return { filenames: files.map((file) => file.filename) };
});

app.get("/", async function main() {
  const content = `
<body>
<form action="/files/" enctype="multipart/form-data" method="post">
<input name="files" type="file" multiple>
<input type="submit">
</form>
<form action="/uploadfiles/" enctype="multipart/form-data" method="post">
<input name="files" type="file" multiple>
<input type="submit">
</form>
</body>
    `;
  return new HTMLResponse(content);
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
