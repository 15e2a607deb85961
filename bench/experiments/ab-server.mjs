// A/B experiments on the request path: the validation suite's routes and /plain, served from
// the build in $DIST: the core's routes with the zod parse written by hand (as
// bench/servers/starlette-ts-zod.mjs), or with AB_APP=fastapi the FastAPI layer's (as
// bench/servers/starlette-ts-fastapi.mjs).
import { z } from "zod";
import { Item, SearchQuery } from "../servers/validation-schemas.mjs";

const { App, JSONResponse, PlainTextResponse, serve } = await import(`${process.env.DIST}/index.js`);
const unprocessable = (detail) => new JSONResponse({ detail }, { statusCode: 422 });

let app;
if (process.env.AB_APP === "fastapi") {
  const { Body, FastAPI, Query } = await import(`${process.env.DIST}/fastapi/index.js`);
  app = new FastAPI();
  app.post("/items", { params: { item: Body(Item) } }, ({ item }) => item);
  app.get("/search", { params: { q: Query(z.string().min(2)), limit: Query(z.int().min(1).max(100).default(10)), offset: Query(z.int().min(0).default(0)) } }, ({ q, limit, offset }) => ({ q, limit, offset }));
  app.get("/plain", { responseClass: PlainTextResponse }, () => "ok");
} else {
  app = new App();
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
    const result = SearchQuery.safeParse({ q: params.get("q") ?? undefined, limit: params.get("limit") ?? undefined, offset: params.get("offset") ?? undefined });
    return result.success ? new JSONResponse(result.data) : unprocessable(result.error.issues);
  });
  app.get("/plain")(() => new PlainTextResponse("ok"));
}

await serve(app, { host: "127.0.0.1", port: Number(process.env.PORT), accessLog: false, log: () => undefined });
