// TS twin of tests/python/fastapi_apps/security_openid_connect.py (the apps of FastAPI's
// tests/test_security_openid_connect*.py, each under its own prefix).
import { APIRouter, Depends, FastAPI, Security } from "../../../src/fastapi/index.js";
import { OpenIdConnect } from "../../../src/fastapi/security/index.js";

export function makeApp(): FastAPI {
  const app = new FastAPI();

  function required(prefix: string, oid: OpenIdConnect) {
    const router = new APIRouter({ prefix });

    function getCurrentUser({ oauth_header }: { oauth_header: string }) {
      const user = { username: oauth_header };
      return user;
    }

    router.get("/users/me", { params: { current_user: Depends(getCurrentUser, { params: { oauth_header: Security(oid) } }) } }, function readCurrentUser({ current_user }) {
      return current_user;
    });
    app.includeRouter(router);
  }

  function optional(prefix: string, oid: OpenIdConnect<false>) {
    const router = new APIRouter({ prefix });

    function getCurrentUser({ oauth_header }: { oauth_header: string | undefined }) {
      if (oauth_header === undefined) {
        return null;
      }
      const user = { username: oauth_header };
      return user;
    }

    router.get("/users/me", { params: { current_user: Depends(getCurrentUser, { params: { oauth_header: Security(oid) } }) } }, function readCurrentUser({ current_user }) {
      if (current_user === null) {
        return { msg: "Create an account first" };
      }
      return current_user;
    });
    app.includeRouter(router);
  }

  required("/oid", new OpenIdConnect({ openIdConnectUrl: "/openid" }));
  required("/oid-description", new OpenIdConnect({ openIdConnectUrl: "/openid", description: "OpenIdConnect security scheme" }));
  optional("/oid-optional", new OpenIdConnect({ openIdConnectUrl: "/openid", autoError: false }));

  return app;
}

export const app = makeApp();
