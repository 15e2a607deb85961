// Differential tests of FastAPI's security tutorial (docs_src/security, tutorial001-003 and 005-007):
// the real FastAPI (tests/python/fastapi_apps/security_*.py) and the TS twins
// (tests/fastapi/apps/security_*.ts), the chapters with models once per kit, answer
// tests/fastapi/cases/security_*.ts alike, WWW-Authenticate byte for byte.
import { suite } from "uvu";
import * as firstSteps from "../apps/security_first_steps.js";
import * as getCurrentUser from "../apps/security_get_current_user.js";
import * as httpBasicAuth from "../apps/security_http_basic_auth.js";
import * as oauth2Scopes from "../apps/security_oauth2_scopes.js";
import * as simpleOauth2 from "../apps/security_simple_oauth2.js";
import { cases as firstStepsCases } from "../cases/security_first_steps.js";
import { cases as getCurrentUserCases } from "../cases/security_get_current_user.js";
import { cases as httpBasicAuthCases } from "../cases/security_http_basic_auth.js";
import { cases as oauth2ScopesCases } from "../cases/security_oauth2_scopes.js";
import { cases as simpleOauth2Cases } from "../cases/security_simple_oauth2.js";
import { differential } from "../differential.js";
import { differentialKits } from "../kits/differential.js";

const first = suite("security tutorial001: First Steps");
differential(first, { python: "security_first_steps", ts: firstSteps.makeApp, cases: firstStepsCases });
first.run();

differentialKits({ python: "security_get_current_user", makeApp: getCurrentUser.makeApp, cases: getCurrentUserCases });

differentialKits({ python: "security_simple_oauth2", makeApp: simpleOauth2.makeApp, cases: simpleOauth2Cases });

differentialKits({ python: "security_oauth2_scopes", makeApp: oauth2Scopes.makeApp, cases: oauth2ScopesCases });

const basic = suite("security tutorial006-007: HTTP Basic Auth");
differential(basic, { python: "security_http_basic_auth", ts: httpBasicAuth.makeApp, cases: httpBasicAuthCases });
basic.run();
