// TS twin of tests/python/fastapi_apps/security_first_steps.py (docs_src/security/tutorial001).
import { Depends, FastAPI } from "../../../src/fastapi/index.js";
import { OAuth2PasswordBearer } from "../../../src/fastapi/security/index.js";

export function makeApp(): FastAPI {
  const app = new FastAPI();

  const oauth2_scheme = new OAuth2PasswordBearer({ tokenUrl: "token" });

  app.get("/items/", { params: { token: Depends(oauth2_scheme) } }, async function readItems({ token }) {
    return { token: token };
  });

  return app;
}

export const app = makeApp();
