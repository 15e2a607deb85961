// Simple OAuth2 with Password and Bearer: a /token path operation reads the password form; the
// token (the user name, for now) identifies an active user.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { Depends, FastAPI, HTTPException, status } from "starlette-ts/fastapi";
import { OAuth2PasswordBearer, OAuth2PasswordRequestForm } from "starlette-ts/fastapi/security";
import * as z from "zod";

const fakeUsersDb: Record<string, Record<string, unknown>> = {
  johndoe: {
    username: "johndoe",
    full_name: "John Doe",
    email: "johndoe@example.com",
    hashed_password: "fakehashedsecret",
    disabled: false,
  },
  alice: {
    username: "alice",
    full_name: "Alice Wonderson",
    email: "alice@example.com",
    hashed_password: "fakehashedsecret2",
    disabled: true,
  },
};

export const app = new FastAPI();

function fakeHashPassword(password: string) {
  return "fakehashed" + password;
}

const oauth2Scheme = new OAuth2PasswordBearer({ tokenUrl: "token" });

const User = z.object({
  username: z.string(),
  email: z.string().nullable().default(null),
  full_name: z.string().nullable().default(null),
  disabled: z.boolean().nullable().default(null),
});

const UserInDB = User.extend({ hashed_password: z.string() });
type UserInDB = z.infer<typeof UserInDB>;

function getUser(db: typeof fakeUsersDb, username: string): UserInDB | null {
  if (Object.hasOwn(db, username)) {
    const userDict = db[username];
    return UserInDB.parse(userDict);
  }
  return null;
}

function fakeDecodeToken(token: string) {
  // This doesn't provide any security at all
  // Check the next version
  const user = getUser(fakeUsersDb, token);
  return user;
}

async function getCurrentUser({ token }: { token: string }) {
  const user = fakeDecodeToken(token);
  if (!user) {
    throw new HTTPException(status.HTTP_401_UNAUTHORIZED, "Not authenticated", { "WWW-Authenticate": "Bearer" });
  }
  return user;
}

async function getCurrentActiveUser({ current_user }: { current_user: UserInDB }) {
  if (current_user.disabled) {
    throw new HTTPException(400, "Inactive user");
  }
  return current_user;
}

const currentUser = Depends(getCurrentUser, { params: { token: Depends(oauth2Scheme) } });
const currentActiveUser = Depends(getCurrentActiveUser, { params: { current_user: currentUser } });

app.post("/token", { params: { form_data: Depends(OAuth2PasswordRequestForm) } }, async function login({ form_data }) {
  const userDict = Object.hasOwn(fakeUsersDb, form_data.username) ? fakeUsersDb[form_data.username] : null;
  if (!userDict) {
    throw new HTTPException(400, "Incorrect username or password");
  }
  const user = UserInDB.parse(userDict);
  const hashedPassword = fakeHashPassword(form_data.password);
  if (!(hashedPassword === user.hashed_password)) {
    throw new HTTPException(400, "Incorrect username or password");
  }

  return { access_token: user.username, token_type: "bearer" };
});

app.get("/users/me", { params: { current_user: currentActiveUser } }, async function readUsersMe({ current_user }) {
  return current_user;
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
