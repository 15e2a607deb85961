// starlette-ts's core routes (the built package, dist/) with the zod parse written by hand.
import { App, JSONResponse, serve } from "../../dist/index.js";
import { Item, SearchQuery } from "./validation-schemas.mjs";

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

await serve(app, { host: "127.0.0.1", port: Number(process.env.PORT), accessLog: false, log: () => undefined });
