// The app on Deno (docs/deno.md): `deno serve --allow-env examples/runtimes/deno.ts`.
// `deno serve` serves a module whose default export has `fetch`; toFetchHandler makes it.
import { App } from "starlette-ts";
import { clientFromDeno, toFetchHandler, type DenoServeInfoLike } from "starlette-ts/fetch";
import { SessionMiddleware } from "starlette-ts/middleware/sessions";

export const app = new App();
app.addMiddleware(SessionMiddleware, { secretKey: process.env.SECRET_KEY ?? "some-random-string" });

app.get("/")((request) => ({ hello: "Deno", client: request.client?.host ?? null }));

app.get("/counter")((request) => {
  const count = Number(request.session.get("count") ?? 0) + 1;
  request.session.set("count", count);
  return { count };
});

// Deno passes the connection's info beside the request: scope.client comes from info.remoteAddr.
export default { fetch: toFetchHandler<DenoServeInfoLike>(app, { client: clientFromDeno }) };
