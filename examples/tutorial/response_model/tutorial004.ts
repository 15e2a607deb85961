// Response Model: UserIn extends BaseUser; returning it as a BaseUser still drops the password.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { Body, FastAPI } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

const BaseUser = z.object({
  username: z.string(),
  email: z.string(),
  full_name: z.string().nullable().default(null),
});
type BaseUser = z.infer<typeof BaseUser>;

const UserIn = BaseUser.extend({
  password: z.string(),
});

app.post("/user/", { params: { user: Body(UserIn) }, responseModel: BaseUser }, async function createUser({ user }): Promise<BaseUser> {
  return user;
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
