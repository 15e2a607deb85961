// Extra Models: an input model with the password, an output model without it, a database model
// with its hash.
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
type UserIn = z.infer<typeof UserIn>;

const UserOut = z.object({
  username: z.string(),
  email: z.string(),
  full_name: z.string().nullable().default(null),
});

const UserInDB = z.object({
  username: z.string(),
  hashed_password: z.string(),
  email: z.string(),
  full_name: z.string().nullable().default(null),
});

function fakePasswordHasher(rawPassword: string) {
  return "supersecret" + rawPassword;
}

function fakeSaveUser(userIn: UserIn) {
  const hashedPassword = fakePasswordHasher(userIn.password);
  const userInDB = UserInDB.parse({ ...userIn, hashed_password: hashedPassword });
  console.log("User saved! ..not really");
  return userInDB;
}

app.post("/user/", { params: { user_in: Body(UserIn) }, responseModel: UserOut }, async function createUser({ user_in }) {
  const userSaved = fakeSaveUser(user_in);
  return userSaved;
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
