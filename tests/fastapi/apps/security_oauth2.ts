// TS twin of tests/python/fastapi_apps/security_oauth2.py (the apps of FastAPI's
// tests/test_security_oauth2*.py, each under its own prefix). Python's `return form_data` writes
// the form object's attributes: here the form's camelCase fields, under Python's names.
import { APIRouter, Depends, FastAPI, Security } from "../../../src/fastapi/index.js";
import {
  OAuth2,
  OAuth2AuthorizationCodeBearer,
  OAuth2PasswordBearer,
  OAuth2PasswordRequestForm,
  OAuth2PasswordRequestFormStrict,
} from "../../../src/fastapi/security/index.js";

const FLOWS = {
  password: {
    tokenUrl: "token",
    scopes: { "read:users": "Read the users", "write:users": "Create users" },
  },
};

/** The attributes of FastAPI's form object, as `return form_data` writes them. */
function formAttributes(form: OAuth2PasswordRequestForm) {
  return {
    grant_type: form.grantType,
    username: form.username,
    password: form.password,
    scopes: form.scopes,
    client_id: form.clientId,
    client_secret: form.clientSecret,
  };
}

export function makeApp(): FastAPI {
  const app = new FastAPI();

  function oauth2App(prefix: string, reusableOauth2: OAuth2) {
    const router = new APIRouter({ prefix });

    function getCurrentUser({ oauth_header }: { oauth_header: string }) {
      const user = { username: oauth_header };
      return user;
    }

    router.post("/login", { params: { form_data: Depends(OAuth2PasswordRequestFormStrict) } }, function login({ form_data }) {
      return formAttributes(form_data);
    });

    router.get("/users/me", { params: { current_user: Depends(getCurrentUser, { params: { oauth_header: Security(reusableOauth2) } }) } }, function readCurrentUser({ current_user }) {
      return current_user;
    });

    app.includeRouter(router);
  }

  function oauth2OptionalApp(prefix: string, reusableOauth2: OAuth2<false>) {
    const router = new APIRouter({ prefix });

    function getCurrentUser({ oauth_header }: { oauth_header: string | undefined }) {
      if (oauth_header === undefined) {
        return null;
      }
      const user = { username: oauth_header };
      return user;
    }

    router.post("/login", { params: { form_data: Depends(OAuth2PasswordRequestFormStrict) } }, function login({ form_data }) {
      return formAttributes(form_data);
    });

    router.get("/users/me", { params: { current_user: Depends(getCurrentUser, { params: { oauth_header: Security(reusableOauth2) } }) } }, function readUsersMe({ current_user }) {
      if (current_user === null) {
        return { msg: "Create an account first" };
      }
      return current_user;
    });

    app.includeRouter(router);
  }

  function tokenApp(prefix: string, oauth2Scheme: OAuth2) {
    const router = new APIRouter({ prefix });
    router.get("/items/", { params: { token: Security(oauth2Scheme) } }, async function readItems({ token }) {
      return { token: token };
    });
    app.includeRouter(router);
  }

  function optionalTokenApp(prefix: string, oauth2Scheme: OAuth2<false>) {
    const router = new APIRouter({ prefix });
    router.get("/items/", { params: { token: Security(oauth2Scheme) } }, async function readItems({ token }) {
      if (token === undefined) {
        return { msg: "Create an account first" };
      }
      return { token: token };
    });
    app.includeRouter(router);
  }

  oauth2App("/oauth2", new OAuth2({ flows: FLOWS }));
  oauth2OptionalApp("/oauth2-optional", new OAuth2({ flows: FLOWS, autoError: false }));
  oauth2OptionalApp("/oauth2-optional-description", new OAuth2({ flows: FLOWS, description: "OAuth2 security scheme", autoError: false }));
  optionalTokenApp("/password-bearer-optional", new OAuth2PasswordBearer({ tokenUrl: "/token", autoError: false }));
  optionalTokenApp("/password-bearer-optional-description", new OAuth2PasswordBearer({ tokenUrl: "/token", description: "OAuth2PasswordBearer security scheme", autoError: false }));
  tokenApp("/code-bearer", new OAuth2AuthorizationCodeBearer({ authorizationUrl: "authorize", tokenUrl: "token", autoError: true }));
  tokenApp("/code-bearer-description", new OAuth2AuthorizationCodeBearer({ authorizationUrl: "authorize", tokenUrl: "token", description: "OAuth2 Code Bearer", autoError: true }));
  // Not in FastAPI's tests: a required OAuth2PasswordBearer, and the permissive form.
  tokenApp("/password-bearer", new OAuth2PasswordBearer({ tokenUrl: "token" }));

  app.post("/permissive/login", { params: { form_data: Depends(OAuth2PasswordRequestForm) } }, function permissiveLogin({ form_data }) {
    return formAttributes(form_data);
  });

  return app;
}

export const app = makeApp();
