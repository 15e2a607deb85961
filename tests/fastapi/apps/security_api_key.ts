// TS twin of tests/python/fastapi_apps/security_api_key.py (the apps of FastAPI's
// tests/test_security_api_key_*.py, each under its own prefix).
import { APIRouter, Depends, FastAPI, Security } from "../../../src/fastapi/index.js";
import { APIKeyCookie, APIKeyHeader, APIKeyQuery, type APIKeyBase } from "../../../src/fastapi/security/index.js";

export function makeApp(): FastAPI {
  const app = new FastAPI();

  function required(prefix: string, scheme: APIKeyBase): void {
    const router = new APIRouter({ prefix });

    function getCurrentUser({ oauth_header }: { oauth_header: string }) {
      const user = { username: oauth_header };
      return user;
    }

    router.get("/users/me", { params: { current_user: Depends(getCurrentUser, { params: { oauth_header: Security(scheme) } }) } }, function readCurrentUser({ current_user }) {
      return current_user;
    });

    app.includeRouter(router);
  }

  function optional(prefix: string, scheme: APIKeyBase<false>): void {
    const router = new APIRouter({ prefix });

    function getCurrentUser({ oauth_header }: { oauth_header: string | undefined }) {
      if (oauth_header === undefined) {
        return null;
      }
      const user = { username: oauth_header };
      return user;
    }

    router.get("/users/me", { params: { current_user: Depends(getCurrentUser, { params: { oauth_header: Security(scheme) } }) } }, function readCurrentUser({ current_user }) {
      if (current_user === null) {
        return { msg: "Create an account first" };
      }
      return current_user;
    });

    app.includeRouter(router);
  }

  required("/query", new APIKeyQuery({ name: "key" }));
  required("/query-description", new APIKeyQuery({ name: "key", description: "API Key Query" }));
  optional("/query-optional", new APIKeyQuery({ name: "key", autoError: false }));
  required("/header", new APIKeyHeader({ name: "key" }));
  required("/header-description", new APIKeyHeader({ name: "key", description: "An API Key Header" }));
  optional("/header-optional", new APIKeyHeader({ name: "key", autoError: false }));
  required("/cookie", new APIKeyCookie({ name: "key" }));
  required("/cookie-description", new APIKeyCookie({ name: "key", description: "An API Cookie Key" }));
  optional("/cookie-optional", new APIKeyCookie({ name: "key", autoError: false }));
  // Not in FastAPI's tests: the docs' X-API-Key header, a named scheme.
  required("/x-api-key", new APIKeyHeader({ name: "X-API-Key", schemeName: "ApiKeyAuth" }));

  return app;
}

export const app = makeApp();
