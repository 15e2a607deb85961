// An app for the starlette-ts command: nothing in the module starts a server.
//   SECRET_KEY=... npx starlette-ts examples/cli_app.ts:app --workers 2
// Sessions are signed with the shared secret, so any worker reads what another
// wrote; /visit says which process answered.
import { setTimeout as sleep } from "node:timers/promises";
import { App, type Request } from "starlette-ts";
import { SessionMiddleware } from "starlette-ts/middleware/sessions";

/** An app factory: `npx starlette-ts examples/cli_app.ts:createApp --factory`. */
export function createApp(): App {
  const app = new App();
  app.addMiddleware(SessionMiddleware, { secretKey: process.env.SECRET_KEY ?? "change-me-in-production" });

  app.get("/visit")((request: Request) => {
    const visits = (request.session.get<number>("visits") ?? 0) + 1;
    request.session.set("visits", visits);
    return { visits, pid: process.pid };
  });

  // A slow request: a graceful shutdown (SIGTERM) lets it finish.
  app.get("/slow")(async (request: Request) => {
    await sleep(Number(request.queryParams.get("seconds") ?? 1) * 1000);
    return { done: true, pid: process.pid };
  });

  // What the server and the proxy told the app about the request.
  app.get("/whoami")((request: Request) => ({
    client: request.client?.host ?? null,
    url: String(request.url),
    rootPath: request.scope.root_path,
    greeting: process.env.GREETING ?? null,
  }));
  return app;
}

export const app = createApp();
