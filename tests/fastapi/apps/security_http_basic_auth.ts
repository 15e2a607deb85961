// TS twin of tests/python/fastapi_apps/security_http_basic_auth.py (docs_src/security/tutorial006
// and tutorial007, the latter under /t007). secrets.compare_digest is node:crypto's timingSafeEqual,
// which refuses buffers of different lengths where compare_digest answers False.
import { timingSafeEqual } from "node:crypto";
import { APIRouter, Depends, FastAPI, HTTPException, status } from "../../../src/fastapi/index.js";
import { HTTPBasic, type HTTPBasicCredentials } from "../../../src/fastapi/security/index.js";

function compareDigest(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

export function makeApp(): FastAPI {
  const app = new FastAPI();

  const security = new HTTPBasic();

  app.get("/users/me", { params: { credentials: Depends(security) } }, function readCurrentUser({ credentials }) {
    return { username: credentials.username, password: credentials.password };
  });

  // tutorial007
  const t007 = new APIRouter({ prefix: "/t007" });

  function getCurrentUsername({ credentials }: { credentials: HTTPBasicCredentials }) {
    const current_username_bytes = Buffer.from(credentials.username, "utf8");
    const correct_username_bytes = Buffer.from("stanleyjobson");
    const is_correct_username = compareDigest(current_username_bytes, correct_username_bytes);
    const current_password_bytes = Buffer.from(credentials.password, "utf8");
    const correct_password_bytes = Buffer.from("swordfish");
    const is_correct_password = compareDigest(current_password_bytes, correct_password_bytes);
    if (!(is_correct_username && is_correct_password)) {
      throw new HTTPException(status.HTTP_401_UNAUTHORIZED, "Incorrect username or password", { "WWW-Authenticate": "Basic" });
    }
    return credentials.username;
  }

  t007.get("/users/me", { params: { username: Depends(getCurrentUsername, { params: { credentials: Depends(security) } }) } }, function readCurrentUser007({ username }) {
    return { username: username };
  });

  app.includeRouter(t007);

  return app;
}

export const app = makeApp();
