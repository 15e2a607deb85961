// Twin of tests/python/fastapi_apps/cookie_param_models.py (docs_src/cookie_param_models,
// tutorial001-002): one object schema read from every cookie.
import * as z from "zod";
import { Cookie, FastAPI } from "../../../src/fastapi/index.js";

export const app = new FastAPI();

// tutorial001
const Cookies = z.object({
  session_id: z.string(),
  fatebook_tracker: z.string().nullable().default(null),
  googall_tracker: z.string().nullable().default(null),
});

app.get("/items/", { params: { cookies: Cookie(Cookies) } }, async function readItems({ cookies }) {
  return cookies;
});

// tutorial002: extra cookies are forbidden
const CookiesForbid = z.strictObject({
  session_id: z.string(),
  fatebook_tracker: z.string().nullable().default(null),
  googall_tracker: z.string().nullable().default(null),
});

app.get("/t002/items/", { params: { cookies: Cookie(CookiesForbid) } }, async function readItems002({ cookies }) {
  return cookies;
});
