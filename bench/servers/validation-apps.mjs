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

/**
 * The same two routes as a bare ASGI function, no framework: the messages read and sent by hand,
 * the zod parse and JSON written as raw-zod.mjs writes them. What serve() itself costs: the floor
 * under any app on it.
 */
export function bareApp() {
  const respond = (send, status, value) => {
    const body = Buffer.from(JSON.stringify(value));
    const headers = [["content-length", String(body.byteLength)], ["content-type", "application/json"]];
    const started = send({ type: "http.response.start", status, headers });
    return started.then(() => send({ type: "http.response.body", body }));
  };
  return async (scope, receive, send) => {
    if (scope.type !== "http") return;
    if (scope.method === "POST" && scope.path === "/items") {
      const chunks = [];
      for (;;) {
        const message = await receive();
        if (message.body) chunks.push(message.body);
        if (!message.more_body) break;
      }
      let data;
      try {
        data = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        return respond(send, 422, { detail: [{ type: "json_invalid", loc: ["body"], msg: "JSON decode error" }] });
      }
      const result = Item.safeParse(data);
      return result.success ? respond(send, 200, result.data) : respond(send, 422, { detail: result.error.issues });
    }
    if (scope.method === "GET" && scope.path === "/search") {
      const params = new URLSearchParams(scope.query_string);
      const result = SearchQuery.safeParse({ q: params.get("q") ?? undefined, limit: params.get("limit") ?? undefined, offset: params.get("offset") ?? undefined });
      return result.success ? respond(send, 200, result.data) : respond(send, 422, { detail: result.error.issues });
    }
    if (scope.path === "/plain") {
      const body = Buffer.from("ok");
      await send({ type: "http.response.start", status: 200, headers: [["content-length", "2"], ["content-type", "text/plain; charset=utf-8"]] });
      return send({ type: "http.response.body", body });
    }
    const body = Buffer.from("Not Found");
    await send({ type: "http.response.start", status: 404, headers: [["content-length", "9"]] });
    await send({ type: "http.response.body", body });
  };
}
