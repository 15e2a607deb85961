// Twin of tests/python/fastapi_apps/cookie_params.py (docs_src/cookie_params, tutorial001).
// Written in a kit's schemas (tests/fastapi/kits): the same app with zod, valibot or arktype.
import { Cookie, FastAPI } from "../../../src/fastapi/index.js";
import type { Kit } from "../kits/kit.js";
import { zodKit } from "../kits/zod.js";

export function makeApp(s: Kit): FastAPI {
  const app = new FastAPI();

  app.get("/items/", { params: { ads_id: Cookie(s.orNone(s.string())) } }, async function readItems({ ads_id }) {
    return { ads_id };
  });

  return app;
}

export const app = makeApp(zodKit);
