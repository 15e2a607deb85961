// Behind a reverse proxy: the client's address and scheme come from X-Forwarded-For and
// X-Forwarded-Proto, believed only when the peer is a trusted proxy (uvicorn's
// --forwarded-allow-ips). Here the proxy is anything on 10.0.0.0/8, or this machine.
import { fileURLToPath } from "node:url";
import { App, type Request, serve } from "starlette-ts";

export const app = new App();

app.get("/whoami")((request: Request) => ({
  client: request.client?.host ?? null,
  // https when the proxy says so: redirects and URLs the app builds use it.
  url: String(request.url),
}));

export function start(port = Number(process.env.PORT ?? 8000)) {
  return serve(app, {
    port,
    // The default is FORWARDED_ALLOW_IPS from the environment, else "127.0.0.1,::1".
    forwardedAllowIps: ["10.0.0.0/8", "127.0.0.1", "::1"],
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await start();
