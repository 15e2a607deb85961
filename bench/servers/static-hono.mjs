// Hono 4 on @hono/node-server with its serveStatic (@hono/node-server/serve-static).
import { serve } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";

const app = new Hono();
app.use("/static/*", serveStatic({ root: process.env.STATIC_DIR, rewriteRequestPath: (path) => path.replace(/^\/static/, "") }));
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: "127.0.0.1" });
