// TS twin of tests/python/fastapi_apps/security_simple_oauth2.py (docs_src/security/tutorial003),
// written in a kit's schemas (tests/fastapi/kits): the same app with zod, valibot or arktype.
import { Depends, FastAPI, HTTPException, status } from "../../../src/fastapi/index.js";
import { OAuth2PasswordBearer, OAuth2PasswordRequestForm } from "../../../src/fastapi/security/index.js";
import type { Infer, Kit } from "../kits/kit.js";
import { zodKit } from "../kits/zod.js";

const fake_users_db: Record<string, Record<string, unknown>> = {
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

export function makeApp(s: Kit): FastAPI {
  const app = new FastAPI();

  function fakeHashPassword(password: string) {
    return "fakehashed" + password;
  }

  const oauth2_scheme = new OAuth2PasswordBearer({ tokenUrl: "token" });

  const userFields = {
    username: s.string(),
    email: s.orNone(s.string()),
    full_name: s.orNone(s.string()),
    disabled: s.orNone(s.boolean()),
  };
  const UserInDB = s.object({ ...userFields, hashed_password: s.string() });
  type UserInDB = Infer<typeof UserInDB>;

  function getUser(db: typeof fake_users_db, username: string): UserInDB | null {
    if (Object.hasOwn(db, username)) {
      const user_dict = db[username];
      return s.parse(UserInDB, user_dict);
    }
    return null;
  }

  function fakeDecodeToken(token: string) {
    // This doesn't provide any security at all
    // Check the next version
    const user = getUser(fake_users_db, token);
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

  app.post("/token", { params: { form_data: Depends(OAuth2PasswordRequestForm) } }, async function login({ form_data }) {
    const user_dict = Object.hasOwn(fake_users_db, form_data.username) ? fake_users_db[form_data.username] : null;
    if (!user_dict) {
      throw new HTTPException(400, "Incorrect username or password");
    }
    const user = s.parse(UserInDB, user_dict);
    const hashed_password = fakeHashPassword(form_data.password);
    if (!(hashed_password === user.hashed_password)) {
      throw new HTTPException(400, "Incorrect username or password");
    }

    return { access_token: user.username, token_type: "bearer" };
  });

  const currentUser = Depends(getCurrentUser, { params: { token: Depends(oauth2_scheme) } });

  app.get("/users/me", { params: { current_user: Depends(getCurrentActiveUser, { params: { current_user: currentUser } }) } }, async function readUsersMe({ current_user }) {
    return current_user;
  });

  return app;
}

export const app = makeApp(zodKit);
