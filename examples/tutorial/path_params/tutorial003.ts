// Order matters: /users/me is declared before /users/{user_id}, which would match it too.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI, Path } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

app.get("/users/me", async function readUserMe() {
  return { user_id: "the current user" };
});

app.get("/users/{user_id}", { params: { user_id: Path(z.string()) } }, async function readUser({ user_id }) {
  return { user_id };
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
