// Request Forms and Files: files and form fields in one multipart form.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI, File, Form } from "starlette-ts/fastapi";
import * as z from "zod";

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

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
