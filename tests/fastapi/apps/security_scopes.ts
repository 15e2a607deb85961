// TS twin of tests/python/fastapi_apps/security_scopes.py (the apps of FastAPI's
// tests/test_security_scopes*.py, each under its own prefix).
import { APIRouter, Depends, FastAPI, Security, SecurityScopes } from "../../../src/fastapi/index.js";

export function makeApp(): FastAPI {
  const app = new FastAPI();

  // test_security_scopes.py: a dependency asked for with and without scopes is called once.
  const call_counter = { count: 0 };

  function getDb() {
    call_counter.count += 1;
    return `db_${call_counter.count}`;
  }

  function getUser(_: { db: string }) {
    return "user";
  }

  app.get(
    "/once/",
    { params: { db: Depends(getDb), user: Security(getUser, { scopes: ["read"], params: { db: Depends(getDb) } }) } },
    function endpoint({ db }) {
      return { db: db, count: call_counter.count };
    },
  );

  // test_security_scopes_dont_propagate.py
  async function security1({ scopes }: { scopes: SecurityScopes }) {
    return scopes.scopes;
  }

  async function security2({ scopes }: { scopes: SecurityScopes }) {
    return scopes.scopes;
  }

  async function dep3({ dep1, dep2 }: { dep1: string[]; dep2: string[] }) {
    return { dep1: dep1, dep2: dep2 };
  }

  const dep3Params = {
    dep1: Security(security1, { scopes: ["scope1"], params: { scopes: SecurityScopes } }),
    dep2: Security(security2, { scopes: ["scope2"], params: { scopes: SecurityScopes } }),
  };

  app.get("/scopes", { params: { dep3: Security(dep3, { scopes: ["scope3"], params: dep3Params }) } }, function getScopes({ dep3 }) {
    return dep3;
  });

  // test_security_scopes_sub_dependency.py
  const call_counts = { get_db_session: 0, get_current_user: 0, get_user_me: 0, get_user_items: 0 };

  function getDbSession() {
    call_counts.get_db_session += 1;
    return `db_session_${call_counts.get_db_session}`;
  }

  function getCurrentUser({ security_scopes, db_session }: { security_scopes: SecurityScopes; db_session: string }) {
    call_counts.get_current_user += 1;
    return { user: `user_${call_counts.get_current_user}`, scopes: security_scopes.scopes, db_session: db_session };
  }

  function getUserMe({ current_user }: { current_user: Record<string, unknown> }) {
    call_counts.get_user_me += 1;
    return { user_me: `user_me_${call_counts.get_user_me}`, current_user: current_user };
  }

  const userMeParams = { current_user: Security(getCurrentUser, { scopes: ["me"], params: { security_scopes: SecurityScopes, db_session: Depends(getDbSession) } }) };

  function getUserItems({ user_me }: { user_me: Record<string, unknown> }) {
    call_counts.get_user_items += 1;
    return { user_items: `user_items_${call_counts.get_user_items}`, user_me: user_me };
  }

  const sub = new APIRouter({ prefix: "/sub" });

  sub.get(
    "/",
    {
      params: {
        user_me: Depends(getUserMe, { params: userMeParams }),
        user_items: Security(getUserItems, { scopes: ["items"], params: { user_me: Depends(getUserMe, { params: userMeParams }) } }),
      },
    },
    function pathOperation({ user_me, user_items }) {
      return { user_me: user_me, user_items: user_items, call_counts: call_counts };
    },
  );

  app.includeRouter(sub);

  return app;
}

export const app = makeApp();
