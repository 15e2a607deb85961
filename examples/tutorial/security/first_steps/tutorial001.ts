// Security - First Steps: OAuth2PasswordBearer reads the bearer token, and documents the scheme.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { Depends, FastAPI } from "starlette-ts/fastapi";
import { OAuth2PasswordBearer } from "starlette-ts/fastapi/security";

export const app = new FastAPI();

const oauth2Scheme = new OAuth2PasswordBearer({ tokenUrl: "token" });

app.get("/items/", { params: { token: Depends(oauth2Scheme) } }, async function readItems({ token }) {
  return { token };
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
