// Form Data: username and password read from form fields, not from JSON.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI, Form } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

app.post("/login/", { params: { username: Form(z.string()), password: Form(z.string()) } }, async function login({ username }) {
  return { username };
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
