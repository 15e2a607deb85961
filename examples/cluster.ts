// Several processes, one secret: sessions are signed cookies, so any worker can
// read a session another worker wrote. node:cluster shares one port between
// the workers (a load balancer in front of N servers works the same way).
//   SECRET_KEY=... WORKERS=2 node --import tsx examples/cluster.ts
import cluster from "node:cluster";
import { fileURLToPath } from "node:url";
import { App, serve, type Request } from "starlette-ts";
import { SessionMiddleware } from "starlette-ts/middleware/sessions";

export function createApp(secretKeys: string[]): App {
  const app = new App();
  app.addMiddleware(SessionMiddleware, { secretKey: secretKeys });
  app.get("/visit")((request: Request) => {
    const visits = (request.session.get<number>("visits") ?? 0) + 1;
    request.session.set("visits", visits);
    return { visits, pid: process.pid };
  });
  return app;
}

/** SECRET_KEY is the newest key; OLD_SECRET_KEYS (oldest first) still verify during a rotation. */
function keysFromEnv(): string[] {
  if (!process.env.SECRET_KEY) throw new Error("Set SECRET_KEY: every worker must share it");
  return [...(process.env.OLD_SECRET_KEYS ?? "").split(",").filter(Boolean), process.env.SECRET_KEY];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (cluster.isPrimary) {
    const workers = Number(process.env.WORKERS ?? 2);
    for (let i = 0; i < workers; i++) cluster.fork();
    // A worker that fails stops the whole group (a supervisor such as systemd restarts it).
    cluster.on("exit", (worker, code) => {
      if (code !== 0 && !worker.exitedAfterDisconnect) process.exit(1);
    });
    // SIGTERM: each worker closes gracefully, then the primary exits.
    process.on("SIGTERM", () => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    });
  } else {
    const server = await serve(createApp(keysFromEnv()), { port: Number(process.env.PORT ?? 8000), accessLog: false, handleSignals: false });
    console.log(`worker ${process.pid} listening on ${server.url}`);
    // Finish the requests in flight, then let go of the primary's channel so the worker can exit.
    process.on("SIGTERM", async () => {
      await server.close();
      cluster.worker?.disconnect();
    });
  }
}
