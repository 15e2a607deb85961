// TS twin of tests/python/fastapi_apps/security_oauth2_scopes.py (docs_src/security/tutorial005),
// written in a kit's schemas (tests/fastapi/kits): the same app with zod, valibot or arktype.
// As the Python twin: a fake password hash, and an HS256 JWT written with node:crypto, no `exp`.
import { createHmac, timingSafeEqual } from "node:crypto";
import { Depends, FastAPI, HTTPException, Security, SecurityScopes, status } from "../../../src/fastapi/index.js";
import { OAuth2PasswordBearer, OAuth2PasswordRequestForm } from "../../../src/fastapi/security/index.js";
import type { Infer, Kit } from "../kits/kit.js";
import { zodKit } from "../kits/zod.js";

// to get a string like this run:
// openssl rand -hex 32
export const SECRET_KEY = "09d25e094faa6ca2556c818166b7a9563b93f7099f6f0f4caa6cf63b88e8d3e7";
const ALGORITHM = "HS256";

class InvalidTokenError extends Error {}

const b64url = (data: Buffer | string) => Buffer.from(data).toString("base64url");
const sign = (signingInput: string, key: string) => b64url(createHmac("sha256", key).update(signingInput).digest());

/** secrets.compare_digest: false for another length, else a comparison in constant time. */
function compareDigest(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
}

export function jwtEncode(payload: Record<string, unknown>, key: string, algorithm: string): string {
  const header = b64url(JSON.stringify({ alg: algorithm, typ: "JWT" }));
  const body = b64url(JSON.stringify(payload));
  return `${header}.${body}.${sign(`${header}.${body}`, key)}`;
}

function jwtDecode(token: string, key: string, _algorithms: string[]): Record<string, unknown> {
  const parts = token.split(".");
  if (parts.length !== 3 || !compareDigest(parts[2], sign(`${parts[0]}.${parts[1]}`, key))) {
    throw new InvalidTokenError();
  }
  return JSON.parse(Buffer.from(parts[1], "base64url").toString()) as Record<string, unknown>;
}

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
    full_name: "Alice Chains",
    email: "alicechains@example.com",
    hashed_password: "fakehashedsecret2",
    disabled: true,
  },
};

function fakeHashPassword(password: string) {
  return "fakehashed" + password;
}

const DUMMY_HASH = fakeHashPassword("dummypassword");

export function makeApp(s: Kit): FastAPI {
  const Token = s.object({ access_token: s.string(), token_type: s.string() }, "Token");

  const TokenData = s.object({ username: s.orNone(s.string()), scopes: s.withDefault(s.array(s.string()), []) }, "TokenData");

  const userFields = {
    username: s.string(),
    email: s.orNone(s.string()),
    full_name: s.orNone(s.string()),
    disabled: s.orNone(s.boolean()),
  };
  const User = s.object(userFields, "User");
  const UserInDB = s.object({ ...userFields, hashed_password: s.string() }, "UserInDB");
  type UserInDB = Infer<typeof UserInDB>;

  const oauth2_scheme = new OAuth2PasswordBearer({
    tokenUrl: "token",
    scopes: { me: "Read information about the current user.", items: "Read items." },
  });

  const app = new FastAPI();

  function verifyPassword(plain_password: string, hashed_password: string) {
    return compareDigest(fakeHashPassword(plain_password), hashed_password);
  }

  function getUser(db: typeof fake_users_db, username: string): UserInDB | null {
    if (Object.hasOwn(db, username)) {
      const user_dict = db[username];
      return s.parse(UserInDB, user_dict);
    }
    return null;
  }

  function authenticateUser(fake_db: typeof fake_users_db, username: string, password: string) {
    const user = getUser(fake_db, username);
    if (!user) {
      verifyPassword(password, DUMMY_HASH);
      return false;
    }
    if (!verifyPassword(password, user.hashed_password)) {
      return false;
    }
    return user;
  }

  function createAccessToken(data: Record<string, unknown>) {
    const to_encode = { ...data };
    const encoded_jwt = jwtEncode(to_encode, SECRET_KEY, ALGORITHM);
    return encoded_jwt;
  }

  async function getCurrentUser({ security_scopes, token }: { security_scopes: SecurityScopes; token: string }) {
    const authenticate_value = security_scopes.scopes.length ? `Bearer scope="${security_scopes.scopeStr}"` : "Bearer";
    const credentials_exception = new HTTPException(status.HTTP_401_UNAUTHORIZED, "Could not validate credentials", { "WWW-Authenticate": authenticate_value });
    let token_data: Infer<typeof TokenData>;
    try {
      const payload = jwtDecode(token, SECRET_KEY, [ALGORITHM]);
      const username = payload.sub;
      if (username === undefined || username === null) {
        throw credentials_exception;
      }
      const scope = (payload.scope ?? "") as string;
      const token_scopes = scope.split(" ");
      token_data = s.parse(TokenData, { scopes: token_scopes, username: username });
    } catch (err) {
      throw err === credentials_exception ? err : credentials_exception;
    }
    const user = getUser(fake_users_db, token_data.username as string);
    if (user === null) {
      throw credentials_exception;
    }
    for (const scope of security_scopes.scopes) {
      if (!token_data.scopes.includes(scope)) {
        throw new HTTPException(status.HTTP_401_UNAUTHORIZED, "Not enough permissions", { "WWW-Authenticate": authenticate_value });
      }
    }
    return user;
  }

  const currentUserParams = { security_scopes: SecurityScopes, token: Depends(oauth2_scheme) };

  async function getCurrentActiveUser({ current_user }: { current_user: UserInDB }) {
    if (current_user.disabled) {
      throw new HTTPException(400, "Inactive user");
    }
    return current_user;
  }

  const activeUserParams = { current_user: Security(getCurrentUser, { scopes: ["me"], params: currentUserParams }) };

  app.post("/token", { params: { form_data: Depends(OAuth2PasswordRequestForm) }, responseModel: Token }, async function loginForAccessToken({ form_data }) {
    const user = authenticateUser(fake_users_db, form_data.username, form_data.password);
    if (!user) {
      throw new HTTPException(400, "Incorrect username or password");
    }
    const access_token = createAccessToken({ sub: user.username, scope: form_data.scopes.join(" ") });
    return s.parse(Token, { access_token: access_token, token_type: "bearer" });
  });

  app.get("/users/me/", { params: { current_user: Depends(getCurrentActiveUser, { params: activeUserParams }) }, responseModel: User }, async function readUsersMe({ current_user }) {
    return current_user;
  });

  app.get("/users/me/items/", { params: { current_user: Security(getCurrentActiveUser, { scopes: ["items"], params: activeUserParams }) } }, async function readOwnItems({ current_user }) {
    return [{ item_id: "Foo", owner: current_user.username }];
  });

  app.get("/status/", { params: { current_user: Depends(getCurrentUser, { params: currentUserParams }) } }, async function readSystemStatus() {
    return { status: "ok" };
  });

  return app;
}

export const app = makeApp(zodKit);
