// Twin of tests/python/fastapi_apps/request_form_models.py (docs_src/request_form_models,
// tutorial001-002): one object schema read from the whole form.
import * as z from "zod";
import { FastAPI, Form } from "../../../src/fastapi/index.js";

export const app = new FastAPI();

// tutorial001
const FormData = z.object({
  username: z.string(),
  password: z.string(),
}).meta({ id: "FormData" });

app.post("/login/", { params: { data: Form(FormData) } }, async function login({ data }) {
  return data;
});

// tutorial002: extra fields are forbidden
const FormDataForbid = z.strictObject({
  username: z.string(),
  password: z.string(),
}).meta({ id: "FormDataForbid" });

app.post("/t002/login/", { params: { data: Form(FormDataForbid) } }, async function login002({ data }) {
  return data;
});
