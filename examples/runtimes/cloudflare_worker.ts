// The app as a Cloudflare Worker (docs/cloudflare-workers.md), on workerd, the Workers
// runtime: bundled, with the nodejs_compat flag for node:crypto, which sessions sign with.
import { App } from "starlette-ts";
import { clientFromHeader, toFetchHandler, type ExecutionContextLike, type FetchHandler } from "starlette-ts/fetch";
import { SessionMiddleware } from "starlette-ts/middleware/sessions";

/** The Worker's bindings: a secret (`wrangler secret put SECRET_KEY`), or a text binding in workerd's config. */
export interface Env {
  SECRET_KEY: string;
}

export function createApp(secretKey: string): App {
  const app = new App();
  app.addMiddleware(SessionMiddleware, { secretKey });

  app.get("/")((request) => ({ hello: "Workers", client: request.client?.host ?? null }));

  app.get("/counter")((request) => {
    const count = Number(request.session.get("count") ?? 0) + 1;
    request.session.set("count", count);
    return { count };
  });
  return app;
}

let handler: FetchHandler<Env> | undefined;

export default {
  // The bindings come with each request, so the app is made on the first one.
  fetch(request: Request, env: Env, ctx: ExecutionContextLike): Response | Promise<Response> {
    handler ??= toFetchHandler<Env>(createApp(env.SECRET_KEY), {
      client: clientFromHeader("cf-connecting-ip"), // set by Cloudflare's edge
      headerEncoding: "utf8", // workerd's Headers hold text
    });
    return handler(request, env, ctx); // ctx.waitUntil keeps the Worker for background tasks
  },
};
