// Form Models: a strict object turns an undeclared form field into a 422.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI, Form } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

const FormData = z.strictObject({
  username: z.string(),
  password: z.string(),
});

app.post("/login/", { params: { data: Form(FormData) } }, async function login({ data }) {
  return data;
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
