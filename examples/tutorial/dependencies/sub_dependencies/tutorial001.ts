// Sub-dependencies: a dependency that depends on another one, and on a cookie.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { Cookie, Depends, FastAPI, Query } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

function queryExtractor({ q }: { q: string | null }) {
  return q;
}

function queryOrCookieExtractor({ q, last_query }: { q: string | null; last_query: string | null }) {
  if (!q) {
    return last_query;
  }
  return q;
}

const query = Depends(queryExtractor, { params: { q: Query(z.string().nullable().default(null)) } });
const queryOrCookie = Depends(queryOrCookieExtractor, {
  params: { q: query, last_query: Cookie(z.string().nullable().default(null)) },
});

app.get("/items/", { params: { query_or_default: queryOrCookie } }, async function readQuery({ query_or_default }) {
  return { q_or_cookie: query_or_default };
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
