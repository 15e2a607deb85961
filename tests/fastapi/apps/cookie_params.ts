// Twin of tests/python/fastapi_apps/cookie_params.py (docs_src/cookie_params, tutorial001).
import * as z from "zod";
import { Cookie, FastAPI } from "../../../src/fastapi/index.js";

export const app = new FastAPI();

app.get("/items/", { params: { ads_id: Cookie(z.string().nullable().default(null)) } }, async function readItems({ ads_id }) {
  return { ads_id };
});
