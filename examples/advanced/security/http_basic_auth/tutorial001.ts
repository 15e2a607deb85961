// HTTP Basic Auth: HTTPBasic reads the user name and password of the Authorization header.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { Depends, FastAPI } from "starlette-ts/fastapi";
import { HTTPBasic } from "starlette-ts/fastapi/security";

export const app = new FastAPI();

const security = new HTTPBasic();

app.get("/users/me", { params: { credentials: Depends(security) } }, function readCurrentUser({ credentials }) {
  return { username: credentials.username, password: credentials.password };
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
