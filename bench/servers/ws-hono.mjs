// Hono 4 on @hono/node-server with @hono/node-ws (on ws), echoing (bench/websockets.ts).
import { serve } from "@hono/node-server";
import { createNodeWebSocket } from "@hono/node-ws";
import { Hono } from "hono";

const app = new Hono();
const { injectWebSocket, upgradeWebSocket } = createNodeWebSocket({ app });
app.get("/plain", (c) => c.text("ok"));
app.get("/ws", upgradeWebSocket(() => ({ onMessage: (event, ws) => ws.send(event.data) })));
const server = serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: "127.0.0.1" });
injectWebSocket(server);
