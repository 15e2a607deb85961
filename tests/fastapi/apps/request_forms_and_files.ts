// Twin of tests/python/fastapi_apps/request_forms_and_files.py (docs_src/request_forms_and_files,
// tutorial001).
import * as z from "zod";
import { FastAPI, File, Form } from "../../../src/fastapi/index.js";

export const app = new FastAPI();

app.post(
  "/files/",
  { params: { file: File(), fileb: File({ as: "upload" }), token: Form(z.string()) } },
  async function createFile({ file, fileb, token }) {
    return {
      file_size: file.byteLength,
      token,
      fileb_content_type: fileb.contentType,
    };
  },
);
