// A/B experiments on the request path: the validation suite's core routes (as
// bench/servers/starlette-ts-zod.mjs) and /plain, served from the build in $DIST.
import { Item, SearchQuery } from "../servers/validation-schemas.mjs";

const { App, JSONResponse, PlainTextResponse, serve } = await import(`${process.env.DIST}/index.js`);
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
  const result = SearchQuery.safeParse({ q: params.get("q") ?? undefined, limit: params.get("limit") ?? undefined, offset: params.get("offset") ?? undefined });
  return result.success ? new JSONResponse(result.data) : unprocessable(result.error.issues);
});
app.get("/plain")(() => new PlainTextResponse("ok"));

await serve(app, { host: "127.0.0.1", port: Number(process.env.PORT), accessLog: false, log: () => undefined });
