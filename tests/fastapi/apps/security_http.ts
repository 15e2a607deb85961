// TS twin of tests/python/fastapi_apps/security_http.py (the apps of FastAPI's
// tests/test_security_http_*.py, each under its own prefix).
import { APIRouter, FastAPI, Security } from "../../../src/fastapi/index.js";
import { HTTPBase, HTTPBasic, HTTPBearer, HTTPDigest } from "../../../src/fastapi/security/index.js";

export function makeApp(): FastAPI {
  const app = new FastAPI();

  function credentialsApp(prefix: string, security: HTTPBase) {
    const router = new APIRouter({ prefix });
    router.get("/users/me", { params: { credentials: Security(security) } }, function readCurrentUser({ credentials }) {
      return { scheme: credentials.scheme, credentials: credentials.credentials };
    });
    app.includeRouter(router);
  }

  function optionalCredentialsApp(prefix: string, security: HTTPBase<false>) {
    const router = new APIRouter({ prefix });
    router.get("/users/me", { params: { credentials: Security(security) } }, function readCurrentUser({ credentials }) {
      if (credentials === undefined) {
        return { msg: "Create an account first" };
      }
      return { scheme: credentials.scheme, credentials: credentials.credentials };
    });
    app.includeRouter(router);
  }

  function basicApp(prefix: string, security: HTTPBasic) {
    const router = new APIRouter({ prefix });
    router.get("/users/me", { params: { credentials: Security(security) } }, function readCurrentUser({ credentials }) {
      return { username: credentials.username, password: credentials.password };
    });
    app.includeRouter(router);
  }

  function optionalBasicApp(prefix: string, security: HTTPBasic<false>) {
    const router = new APIRouter({ prefix });
    router.get("/users/me", { params: { credentials: Security(security) } }, function readCurrentUser({ credentials }) {
      if (credentials === undefined) {
        return { msg: "Create an account first" };
      }
      return { username: credentials.username, password: credentials.password };
    });
    app.includeRouter(router);
  }

  credentialsApp("/base", new HTTPBase({ scheme: "Other" }));
  credentialsApp("/base-description", new HTTPBase({ scheme: "Other", description: "Other Security Scheme" }));
  optionalCredentialsApp("/base-optional", new HTTPBase({ scheme: "Other", autoError: false }));
  basicApp("/basic", new HTTPBasic());
  basicApp("/basic-realm", new HTTPBasic({ realm: "simple" }));
  basicApp("/basic-realm-description", new HTTPBasic({ realm: "simple", description: "HTTPBasic scheme" }));
  optionalBasicApp("/basic-optional", new HTTPBasic({ autoError: false }));
  credentialsApp("/bearer", new HTTPBearer());
  credentialsApp("/bearer-description", new HTTPBearer({ description: "HTTP Bearer token scheme" }));
  optionalCredentialsApp("/bearer-optional", new HTTPBearer({ autoError: false }));
  credentialsApp("/digest", new HTTPDigest());
  credentialsApp("/digest-description", new HTTPDigest({ description: "HTTPDigest scheme" }));
  optionalCredentialsApp("/digest-optional", new HTTPDigest({ autoError: false }));

  return app;
}

export const app = makeApp();
