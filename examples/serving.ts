// Running the server: host, port, logs, and a graceful shutdown. serve() plays
// uvicorn's part: it runs the lifespan, listens, and logs one line per request.
import { fileURLToPath } from "node:url";
import { App, serve } from "starlette-ts";

export const app = new App();
app.get("/")(() => ({ status: "ok" }));

export async function start(port = Number(process.env.PORT ?? 8000)) {
  const server = await serve(app, {
    host: process.env.HOST ?? "127.0.0.1", // "0.0.0.0" to listen on every interface
    port, // 0 picks a free port
    accessLog: process.env.ACCESS_LOG !== "off",
    log: (line) => console.error(line), // where the uvicorn-style lines go
  });
  console.error(`listening on ${server.url}`);
  return server; // await server.close() stops it; so do Ctrl+C and SIGTERM
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await start();
