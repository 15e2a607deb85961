// Fastify 5 with @fastify/websocket (on ws), echoing (bench/websockets.ts).
import websocket from "@fastify/websocket";
import Fastify from "fastify";

const app = Fastify({ logger: false });
await app.register(websocket);
app.get("/plain", (request, reply) => reply.type("text/plain").send("ok"));
app.register(async (scope) => {
  scope.get("/ws", { websocket: true }, (socket) => socket.on("message", (data, isBinary) => socket.send(data, { binary: isBinary })));
});
await app.listen({ port: Number(process.env.PORT), host: "127.0.0.1" });
