// OAuth2 with Password (and hashing), Bearer with JWT tokens: passwords stored as scrypt hashes,
// signed tokens that expire. Both come from node:crypto: jwt.encode / jwt.decode (HS256 with an
// HMAC) and passwordHash (scrypt) below stand in for the PyJWT and pwdlib of FastAPI's docs.
import { createHmac, randomBytes, scryptSync, timingSafeEqual } from "node:crypto";
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { Depends, FastAPI, HTTPException, status } from "starlette-ts/fastapi";
import { OAuth2PasswordBearer, OAuth2PasswordRequestForm } from "starlette-ts/fastapi/security";
import * as z from "zod";

class InvalidTokenError extends Error {}

const b64encode = (data: Buffer | string) => Buffer.from(data).toString("base64url");
const b64decode = (text: string) => Buffer.from(text, "base64url");
const hs256 = (signingInput: string, key: string) => b64encode(createHmac("sha256", key).update(signingInput).digest());

function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

const jwt = {
  encode(payload: Record<string, unknown>, key: string, algorithm: string): string {
    const header = b64encode(JSON.stringify({ alg: algorithm, typ: "JWT" }));
    const body = b64encode(JSON.stringify(payload));
    return `${header}.${body}.${hs256(`${header}.${body}`, key)}`;
  },

  decode(token: string, key: string, algorithms: string[]): Record<string, unknown> {
    let payload: unknown;
    try {
      const parts = token.split(".");
      if (parts.length !== 3) throw new InvalidTokenError("Not enough segments");
      const [header, body, signature] = parts;
      if (!sameBytes(Buffer.from(signature), Buffer.from(hs256(`${header}.${body}`, key)))) {
        throw new InvalidTokenError("Signature verification failed");
      }
      if (!algorithms.includes(JSON.parse(b64decode(header).toString()).alg)) {
        throw new InvalidTokenError("The specified alg value is not allowed");
      }
      payload = JSON.parse(b64decode(body).toString());
    } catch (err) {
      throw err instanceof InvalidTokenError ? err : new InvalidTokenError("Invalid token");
    }
    if (typeof payload !== "object" || payload === null || Array.isArray(payload)) {
      throw new InvalidTokenError("Invalid payload");
    }
    const { exp } = payload as { exp?: number };
    if (exp !== undefined && exp <= Math.floor(Date.now() / 1000)) {
      throw new InvalidTokenError("Signature has expired");
    }
    return payload as Record<string, unknown>;
  },
};

// "$scrypt$ln=14,r=8,p=1$<salt>$<key>": the hash keeps its salt and its cost.
const passwordHash = {
  hash(password: string): string {
    const salt = randomBytes(16);
    const key = scryptSync(password, salt, 32, { N: 2 ** 14, r: 8, p: 1 });
    return `$scrypt$ln=14,r=8,p=1$${b64encode(salt)}$${b64encode(key)}`;
  },

  verify(password: string, hashed: string): boolean {
    const [, scheme, cost, salt, key] = hashed.split("$");
    const [ln, r, p] = cost.split(",").map((part) => Number(part.split("=")[1]));
    const expected = b64decode(key);
    if (scheme !== "scrypt" || expected.length < 16) {
      return false;
    }
    const actual = scryptSync(password, b64decode(salt), expected.length, { N: 2 ** ln, r, p });
    return sameBytes(actual, expected);
  },
};

// to get a string like this run:
// openssl rand -hex 32
const SECRET_KEY = "09d25e094faa6ca2556c818166b7a9563b93f7099f6f0f4caa6cf63b88e8d3e7";
const ALGORITHM = "HS256";
const ACCESS_TOKEN_EXPIRE_MINUTES = 30;

const fakeUsersDb: Record<string, Record<string, unknown>> = {
  johndoe: {
    username: "johndoe",
    full_name: "John Doe",
    email: "johndoe@example.com",
    hashed_password: "$scrypt$ln=14,r=8,p=1$_yyaut8iplo4fN5ToZTvyg$7eZYSGvxNvwj9qFx07F68ClThTxPYlnTQawaIjXOjcY",
    disabled: false,
  },
};

const Token = z.object({ access_token: z.string(), token_type: z.string() }).meta({ id: "Token" });

const TokenData = z.object({ username: z.string().nullable().default(null) });

const userFields = {
  username: z.string(),
  email: z.string().nullable().default(null),
  full_name: z.string().nullable().default(null),
  disabled: z.boolean().nullable().default(null),
};
const User = z.object(userFields).meta({ id: "User" });

const UserInDB = z.object({ ...userFields, hashed_password: z.string() });
type UserInDB = z.infer<typeof UserInDB>;

const DUMMY_HASH = passwordHash.hash("dummypassword");

const oauth2Scheme = new OAuth2PasswordBearer({ tokenUrl: "token" });

export const app = new FastAPI();

function verifyPassword(plainPassword: string, hashedPassword: string) {
  return passwordHash.verify(plainPassword, hashedPassword);
}

export function getPasswordHash(password: string) {
  return passwordHash.hash(password);
}

function getUser(db: typeof fakeUsersDb, username: string): UserInDB | null {
  if (Object.hasOwn(db, username)) {
    const userDict = db[username];
    return UserInDB.parse(userDict);
  }
  return null;
}

function authenticateUser(fakeDb: typeof fakeUsersDb, username: string, password: string) {
  const user = getUser(fakeDb, username);
  if (!user) {
    verifyPassword(password, DUMMY_HASH);
    return false;
  }
  if (!verifyPassword(password, user.hashed_password)) {
    return false;
  }
  return user;
}

function createAccessToken(data: Record<string, unknown>, expiresDeltaMinutes: number | null = null) {
  const toEncode = { ...data };
  const now = Math.floor(Date.now() / 1000);
  const expire = expiresDeltaMinutes ? now + expiresDeltaMinutes * 60 : now + 15 * 60;
  Object.assign(toEncode, { exp: expire });
  const encodedJwt = jwt.encode(toEncode, SECRET_KEY, ALGORITHM);
  return encodedJwt;
}

async function getCurrentUser({ token }: { token: string }) {
  const credentialsException = new HTTPException(status.HTTP_401_UNAUTHORIZED, "Could not validate credentials", {
    "WWW-Authenticate": "Bearer",
  });
  let tokenData: z.infer<typeof TokenData>;
  try {
    const payload = jwt.decode(token, SECRET_KEY, [ALGORITHM]);
    const username = payload.sub;
    if (username === undefined || username === null) {
      throw credentialsException;
    }
    tokenData = TokenData.parse({ username });
  } catch (err) {
    if (err instanceof InvalidTokenError) {
      throw credentialsException;
    }
    throw err;
  }
  const user = getUser(fakeUsersDb, tokenData.username as string);
  if (user === null) {
    throw credentialsException;
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

app.post(
  "/token",
  { params: { form_data: Depends(OAuth2PasswordRequestForm) }, responseModel: Token },
  async function loginForAccessToken({ form_data }) {
    const user = authenticateUser(fakeUsersDb, form_data.username, form_data.password);
    if (!user) {
      throw new HTTPException(status.HTTP_401_UNAUTHORIZED, "Incorrect username or password", { "WWW-Authenticate": "Bearer" });
    }
    const accessToken = createAccessToken({ sub: user.username }, ACCESS_TOKEN_EXPIRE_MINUTES);
    return Token.parse({ access_token: accessToken, token_type: "bearer" });
  },
);

app.get("/users/me/", { params: { current_user: currentActiveUser }, responseModel: User }, async function readUsersMe({ current_user }) {
  return current_user;
});

app.get("/users/me/items/", { params: { current_user: currentActiveUser } }, async function readOwnItems({ current_user }) {
  return [{ item_id: "Foo", owner: current_user.username }];
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
