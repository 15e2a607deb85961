// Response Model: an output model without the password; responseModel filters the input user.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { Body, FastAPI } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

const UserIn = z.object({
  username: z.string(),
  password: z.string(),
  email: z.string(),
  full_name: z.string().nullable().default(null),
});

const UserOut = z.object({
  username: z.string(),
  email: z.string(),
  full_name: z.string().nullable().default(null),
});

app.post("/user/", { params: { user: Body(UserIn) }, responseModel: UserOut }, async function createUser({ user }) {
  return user;
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
