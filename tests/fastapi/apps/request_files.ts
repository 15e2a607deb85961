// Twin of tests/python/fastapi_apps/request_files.py (docs_src/request_files, tutorial001,
// 001_02, 001_03, 002, 003).
import { FastAPI, File, HTMLResponse, UploadFile } from "../../../src/fastapi/index.js";

export const app = new FastAPI();

// tutorial001: bytes and UploadFile
app.post("/files/", { params: { file: File() } }, async function createFile({ file }) {
  return { file_size: file.byteLength };
});

app.post("/uploadfile/", { params: { file: UploadFile } }, async function createUploadFile({ file }) {
  return { filename: file.filename };
});

// tutorial001_02: optional files (named as the Python functions: their operationIds come from the name)
app.post("/t001_02/files/", { params: { file: File({ optional: true }) }, name: "create_file_001_02" }, async function createFile00102({ file }) {
  // Python's `not file`: None, or empty bytes.
  if (!file?.byteLength) {
    return { message: "No file sent" };
  } else {
    return { file_size: file.byteLength };
  }
});

app.post("/t001_02/uploadfile/", { params: { file: File({ as: "upload", optional: true }) }, name: "create_upload_file_001_02" }, async function createUploadFile00102({ file }) {
  if (!file) {
    return { message: "No upload file sent" };
  } else {
    return { filename: file.filename };
  }
});

// tutorial001_03: with descriptions
app.post("/t001_03/files/", { params: { file: File({ description: "A file read as bytes" }) }, name: "create_file_001_03" }, async function createFile00103({ file }) {
  return { file_size: file.byteLength };
});

app.post(
  "/t001_03/uploadfile/",
  { params: { file: File({ as: "upload", description: "A file read as UploadFile" }) }, name: "create_upload_file_001_03" },
  async function createUploadFile00103({ file }) {
    return { filename: file.filename };
  },
);

// tutorial002: several files, and the form that sends them
app.post("/t002/files/", { params: { files: File({ multiple: true }) } }, async function createFiles002({ files }) {
  return { file_sizes: files.map((file) => file.byteLength) };
});

app.post("/t002/uploadfiles/", { params: { files: File({ as: "upload", multiple: true }) } }, async function createUploadFiles002({ files }) {
  return { filenames: files.map((file) => file.filename) };
});

app.get("/t002/", async function main002() {
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

// tutorial003: several files, with descriptions
app.post("/t003/files/", { params: { files: File({ multiple: true, description: "Multiple files as bytes" }) } }, async function createFiles003({ files }) {
  return { file_sizes: files.map((file) => file.byteLength) };
});

app.post(
  "/t003/uploadfiles/",
  { params: { files: File({ as: "upload", multiple: true, description: "Multiple files as UploadFile" }) } },
  async function createUploadFiles003({ files }) {
    return { filenames: files.map((file) => file.filename) };
  },
);
