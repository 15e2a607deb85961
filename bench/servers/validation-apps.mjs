// The validation suite's two routes on starlette-ts, built from the package modules given (dist/,
// or another build for bench/experiments/ab-server.mjs): the core's routes with the zod parse
// written by hand, and the FastAPI layer's routes declared as the FastAPI docs declare them.
import { z } from "zod";
import { Item, SearchQuery } from "./validation-schemas.mjs";

/** `App` routes: `await request.json()` and the query read by hand, zod's safeParse, a JSONResponse. */
export function coreApp({ App, JSONResponse }) {
  const unprocessable = (detail) => new JSONResponse({ detail }, { statusCode: 422 });
  const app = new App();
  app.post("/items")(async (request) => {
    let data;
    try {
      data = await request.json();
    } catch {
      return unprocessable([{ type: "json_invalid", loc: ["body"], msg: "JSON decode error" }]);
    }
    const result = Item.safeParse(data);
    return result.success ? new JSONResponse(result.data) : unprocessable(result.error.issues);
  });
  app.get("/search")((request) => {
    const params = request.queryParams;
    // A missing parameter is undefined (its default applies), not get()'s null.
    const result = SearchQuery.safeParse({ q: params.get("q") ?? undefined, limit: params.get("limit") ?? undefined, offset: params.get("offset") ?? undefined });
    return result.success ? new JSONResponse(result.data) : unprocessable(result.error.issues);
  });
  return app;
}

/** `FastAPI` routes: `Body(Item)` and three `Query` params, validated and converted by the layer. */
export function fastapiApp({ Body, FastAPI, Query }) {
  const app = new FastAPI();
  app.post("/items", { params: { item: Body(Item) } }, ({ item }) => item);
  app.get(
    "/search",
    { params: { q: Query(z.string().min(2)), limit: Query(z.int().min(1).max(100).default(10)), offset: Query(z.int().min(0).default(0)) } },
    ({ q, limit, offset }) => ({ q, limit, offset }),
  );
  return app;
}
