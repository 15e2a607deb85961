// Several clients, and disconnections: receiveText() throws WebSocketDisconnect when a client leaves.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI, HTMLResponse, Path, WebSocket, WebSocketDisconnect } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

export const html = `<!DOCTYPE html>
<html>
  <head><title>Chat</title></head>
  <body>
    <h1>WebSocket Chat</h1>
    <h2>Your ID: <span id="ws-id"></span></h2>
    <form onsubmit="sendMessage(event)">
      <input type="text" id="messageText" autocomplete="off">
      <button>Send</button>
    </form>
    <ul id="messages"></ul>
    <script>
      const clientId = Date.now();
      document.querySelector("#ws-id").textContent = clientId;
      const ws = new WebSocket(\`ws://\${location.host}/ws/\${clientId}\`);
      ws.onmessage = (event) => {
        const item = document.createElement("li");
        item.textContent = event.data;
        document.getElementById("messages").appendChild(item);
      };
      function sendMessage(event) {
        const input = document.getElementById("messageText");
        ws.send(input.value);
        input.value = "";
        event.preventDefault();
      }
    </script>
  </body>
</html>
`;

class ConnectionManager {
  readonly activeConnections: WebSocket[] = [];

  async connect(websocket: WebSocket) {
    await websocket.accept();
    this.activeConnections.push(websocket);
  }

  disconnect(websocket: WebSocket) {
    this.activeConnections.splice(this.activeConnections.indexOf(websocket), 1);
  }

  async sendPersonalMessage(message: string, websocket: WebSocket) {
    await websocket.sendText(message);
  }

  async broadcast(message: string) {
    for (const connection of this.activeConnections) await connection.sendText(message);
  }
}

const manager = new ConnectionManager();

app.get("/", async function get() {
  return new HTMLResponse(html);
});

app.websocket(
  "/ws/{client_id}",
  { params: { websocket: WebSocket, client_id: Path(z.int()) } },
  async function websocketEndpoint({ websocket, client_id }) {
    await manager.connect(websocket);
    try {
      for (;;) {
        const data = await websocket.receiveText();
        await manager.sendPersonalMessage(`You wrote: ${data}`, websocket);
        await manager.broadcast(`Client #${client_id} says: ${data}`);
      }
    } catch (exc) {
      if (!(exc instanceof WebSocketDisconnect)) throw exc;
      manager.disconnect(websocket);
      await manager.broadcast(`Client #${client_id} left the chat`);
    }
  },
);

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
