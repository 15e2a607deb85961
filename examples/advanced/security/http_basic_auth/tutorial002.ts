// HTTP Basic Auth: a dependency checks the credentials, comparing them in constant time.
import { timingSafeEqual } from "node:crypto";
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { Depends, FastAPI, HTTPException, status } from "starlette-ts/fastapi";
import { HTTPBasic, type HTTPBasicCredentials } from "starlette-ts/fastapi/security";

export const app = new FastAPI();

const security = new HTTPBasic();

/** Python's secrets.compare_digest: timingSafeEqual throws on buffers of different lengths. */
function compareDigest(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

function getCurrentUsername({ credentials }: { credentials: HTTPBasicCredentials }) {
  const currentUsernameBytes = Buffer.from(credentials.username, "utf8");
  const correctUsernameBytes = Buffer.from("stanleyjobson");
  const isCorrectUsername = compareDigest(currentUsernameBytes, correctUsernameBytes);
  const currentPasswordBytes = Buffer.from(credentials.password, "utf8");
  const correctPasswordBytes = Buffer.from("swordfish");
  const isCorrectPassword = compareDigest(currentPasswordBytes, correctPasswordBytes);
  if (!(isCorrectUsername && isCorrectPassword)) {
    throw new HTTPException(status.HTTP_401_UNAUTHORIZED, "Incorrect username or password", { "WWW-Authenticate": "Basic" });
  }
  return credentials.username;
}

const currentUsername = Depends(getCurrentUsername, { params: { credentials: Depends(security) } });

app.get("/users/me", { params: { username: currentUsername } }, function readCurrentUser({ username }) {
  return { username };
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
