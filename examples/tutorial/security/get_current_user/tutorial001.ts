// Get Current User: a dependency turns the token into a user, and path operations ask for the user.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { Depends, FastAPI } from "starlette-ts/fastapi";
import { OAuth2PasswordBearer } from "starlette-ts/fastapi/security";
import * as z from "zod";

export const app = new FastAPI();

const oauth2Scheme = new OAuth2PasswordBearer({ tokenUrl: "token" });

const User = z.object({
  username: z.string(),
  email: z.string().nullable().default(null),
  full_name: z.string().nullable().default(null),
  disabled: z.boolean().nullable().default(null),
});
type User = z.infer<typeof User>;

function fakeDecodeToken(token: string): User {
  return User.parse({ username: token + "fakedecoded", email: "john@example.com", full_name: "John Doe" });
}

async function getCurrentUser({ token }: { token: string }) {
  const user = fakeDecodeToken(token);
  return user;
}

const currentUser = Depends(getCurrentUser, { params: { token: Depends(oauth2Scheme) } });

app.get("/users/me", { params: { current_user: currentUser } }, async function readUsersMe({ current_user }) {
  return current_user;
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
