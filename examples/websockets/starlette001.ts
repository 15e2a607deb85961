// Starlette's level: a websocket function and a WebSocketEndpoint class, each in a WebSocketRoute.
import { fileURLToPath } from "node:url";
import { App, serve } from "starlette-ts";
import { WebSocketEndpoint } from "starlette-ts/endpoints";
import { WebSocketRoute } from "starlette-ts/routing";
import type { WebSocket } from "starlette-ts/websockets";

async function shout(websocket: WebSocket) {
  const offered = websocket.scope.subprotocols as string[];
  const subprotocol = offered.includes("shout.v1") ? "shout.v1" : null;
  await websocket.accept({ subprotocol, headers: [["x-shout", "yes"]] });
  for await (const text of websocket.iterText()) {
    if (text === "bye") {
      await websocket.close(4000, "Goodbye");
      return;
    }
    await websocket.sendText(text.toUpperCase());
  }
}

class Counter extends WebSocketEndpoint {
  override encoding = "json" as const;
  total = 0;

  override async onConnect(websocket: WebSocket) {
    await websocket.accept();
    this.total = 0;
  }

  override async onReceive(websocket: WebSocket, data: unknown) {
    this.total += (data as { add: number }).add;
    await websocket.sendJson({ total: this.total, route: String(websocket.urlFor("counter")) });
  }

  override async onDisconnect(_websocket: WebSocket, closeCode: number) {
    console.log(`counter closed with ${closeCode} at ${this.total}`);
  }
}

export const app = new App({ routes: [new WebSocketRoute("/shout", shout), new WebSocketRoute("/counter", Counter, { name: "counter" })] });

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await serve(app, { port: 8000, wsMaxSize: 1024 * 1024, wsPingInterval: 20, wsPingTimeout: 20, wsPerMessageDeflate: true });
}
