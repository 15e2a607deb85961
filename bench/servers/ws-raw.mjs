// The websocket suite's baseline: node:http and the `ws` package's WebSocketServer, echoing (bench/websockets.ts).
import { createServer } from "node:http";
import { WebSocketServer } from "ws";

const server = createServer((req, res) => {
  res.writeHead(req.url === "/plain" ? 200 : 404, { "content-type": "text/plain" });
  res.end(req.url === "/plain" ? "ok" : "not found");
});
const wss = new WebSocketServer({ server, path: "/ws" });
wss.on("connection", (ws) => ws.on("message", (data, isBinary) => ws.send(data, { binary: isBinary })));
server.listen(Number(process.env.PORT), "127.0.0.1");
