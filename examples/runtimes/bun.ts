// The app on Bun (docs/bun.md): `bun run examples/runtimes/bun.ts`. Bun serves a module
// whose default export has `fetch`; toFetchHandler makes that handler from the app.
import { App } from "starlette-ts";
import { clientFromBun, toFetchHandler, type BunServerLike } from "starlette-ts/fetch";
import { SessionMiddleware } from "starlette-ts/middleware/sessions";

export const app = new App();
app.addMiddleware(SessionMiddleware, { secretKey: process.env.SECRET_KEY ?? "some-random-string" });

app.get("/")((request) => ({ hello: "Bun", client: request.client?.host ?? null }));

app.get("/counter")((request) => {
  const count = Number(request.session.get("count") ?? 0) + 1;
  request.session.set("count", count);
  return { count };
});

// Bun passes its server beside the request: scope.client comes from server.requestIP(request).
export const handler = toFetchHandler<BunServerLike>(app, { client: clientFromBun });

// The lifespan starts on the first request; a graceful stop runs its shutdown.
process.on("SIGTERM", () => void handler.shutdown().then(() => process.exit(0)));

export default { hostname: "127.0.0.1", port: Number(process.env.PORT ?? 3000), fetch: handler };
