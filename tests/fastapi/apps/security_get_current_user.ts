// TS twin of tests/python/fastapi_apps/security_get_current_user.py (docs_src/security/tutorial002),
// written in a kit's schemas (tests/fastapi/kits): the same app with zod, valibot or arktype.
import { Depends, FastAPI } from "../../../src/fastapi/index.js";
import { OAuth2PasswordBearer } from "../../../src/fastapi/security/index.js";
import type { Kit } from "../kits/kit.js";
import { zodKit } from "../kits/zod.js";

export function makeApp(s: Kit): FastAPI {
  const app = new FastAPI();

  const oauth2_scheme = new OAuth2PasswordBearer({ tokenUrl: "token" });

  const User = s.object({
    username: s.string(),
    email: s.orNone(s.string()),
    full_name: s.orNone(s.string()),
    disabled: s.orNone(s.boolean()),
  });

  function fakeDecodeToken(token: string) {
    return s.parse(User, { username: token + "fakedecoded", email: "john@example.com", full_name: "John Doe" });
  }

  async function getCurrentUser({ token }: { token: string }) {
    const user = fakeDecodeToken(token);
    return user;
  }

  app.get("/users/me", { params: { current_user: Depends(getCurrentUser, { params: { token: Depends(oauth2_scheme) } }) } }, async function readUsersMe({ current_user }) {
    return current_user;
  });

  return app;
}

export const app = makeApp(zodKit);
