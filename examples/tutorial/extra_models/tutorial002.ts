// Extra Models: the shared fields in a base model, each variant declaring only its difference.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { Body, FastAPI } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

const UserBase = z.object({
  username: z.string(),
  email: z.string(),
  full_name: z.string().nullable().default(null),
});

const UserIn = UserBase.extend({
  password: z.string(),
});
type UserIn = z.infer<typeof UserIn>;

const UserOut = UserBase;

const UserInDB = UserBase.extend({
  hashed_password: z.string(),
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
