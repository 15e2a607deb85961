// TS twin of tests/python/fastapi_apps/security_oauth2_code_scopes.py (the app of FastAPI's
// tests/test_security_oauth2_authorization_code_bearer_scopes_openapi.py).
import { APIRouter, Depends, FastAPI, Security } from "../../../src/fastapi/index.js";
import { OAuth2AuthorizationCodeBearer } from "../../../src/fastapi/security/index.js";

export function makeApp(): FastAPI {
  const oauth2_scheme = new OAuth2AuthorizationCodeBearer({
    authorizationUrl: "authorize",
    tokenUrl: "token",
    autoError: true,
    scopes: { read: "Read access", write: "Write access" },
  });

  async function getToken({ token }: { token: string }): Promise<string> {
    return token;
  }
  const tokenParams = { token: Depends(oauth2_scheme) };

  const app = new FastAPI({ dependencies: [Depends(getToken, { params: tokenParams })] });

  app.get("/", async function root() {
    return { message: "Hello World" };
  });

  app.get("/with-oauth2-scheme", { dependencies: [Security(oauth2_scheme, { scopes: ["read", "write"] })] }, async function readWithOauth2Scheme() {
    return { message: "Admin Access" };
  });

  app.get("/with-get-token", { dependencies: [Security(getToken, { scopes: ["read", "write"], params: tokenParams })] }, async function readWithGetToken() {
    return { message: "Admin Access" };
  });

  const router = new APIRouter({ dependencies: [Security(oauth2_scheme, { scopes: ["read"] })] });

  router.get("/items/", { params: { token: Depends(oauth2_scheme) } }, async function readItems({ token }) {
    return { token: token };
  });

  router.post("/items/", { params: { token: Security(oauth2_scheme, { scopes: ["read", "write"] }) } }, async function createItem({ token }) {
    return { token: token };
  });

  app.includeRouter(router);

  return app;
}

export const app = makeApp();
