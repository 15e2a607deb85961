// Twin of tests/python/fastapi_apps/request_forms.py (docs_src/request_forms, tutorial001).
import * as z from "zod";
import { FastAPI, Form } from "../../../src/fastapi/index.js";

export const app = new FastAPI();

app.post("/login/", { params: { username: Form(z.string()), password: Form(z.string()) } }, async function login({ username }) {
  return { username };
});
