// TS twin of tests/python/fastapi_apps/starlette_authentication.py: the apps of
// docs/authentication.md's examples, each mounted as the Python twin mounts its own.
import { App, Mount } from "../../../src/index.js";
import { app as api } from "../../../examples/authentication/api.js";
import { app as basic } from "../../../examples/authentication/basic_auth.js";
import { app as permissions } from "../../../examples/authentication/permissions.js";

export const app = new App({
  routes: [new Mount("/basic", { app: basic }), new Mount("/perm", { app: permissions }), new Mount("/api", { app: api })],
});
