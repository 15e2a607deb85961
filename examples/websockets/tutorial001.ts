// WebSockets: an HTML page with a little JavaScript client, and a websocket that echoes.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI, HTMLResponse, WebSocket } from "starlette-ts/fastapi";

export const app = new FastAPI();

export const html = `<!DOCTYPE html>
<html>
  <head><title>Chat</title></head>
  <body>
    <h1>WebSocket Chat</h1>
    <form onsubmit="sendMessage(event)">
      <input type="text" id="messageText" autocomplete="off">
      <button>Send</button>
    </form>
    <ul id="messages"></ul>
    <script>
      const ws = new WebSocket(\`ws://\${location.host}/ws\`);
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

app.get("/", async function get() {
  return new HTMLResponse(html);
});

app.websocket("/ws", { params: { websocket: WebSocket } }, async function websocketEndpoint({ websocket }) {
  await websocket.accept();
  for (;;) {
    const data = await websocket.receiveText();
    await websocket.sendText(`Message text was: ${data}`);
  }
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
