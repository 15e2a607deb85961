// Depends, Path, Query and Cookie in a websocket; WebSocketException closes the connection.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { Cookie, Depends, FastAPI, HTMLResponse, Path, Query, WebSocket, WebSocketException, status } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

export const html = `<!DOCTYPE html>
<html>
  <head><title>Chat</title></head>
  <body>
    <h1>WebSocket Chat</h1>
    <form onsubmit="sendMessage(event)">
      <label>Item ID: <input type="text" id="itemId" autocomplete="off" value="foo"></label>
      <label>Token: <input type="text" id="token" autocomplete="off" value="some-key-token"></label>
      <button onclick="connect(event)">Connect</button>
      <hr>
      <label>Message: <input type="text" id="messageText" autocomplete="off"></label>
      <button>Send</button>
    </form>
    <ul id="messages"></ul>
    <script>
      let ws = null;
      function connect(event) {
        const itemId = document.getElementById("itemId").value;
        const token = document.getElementById("token").value;
        ws = new WebSocket(\`ws://\${location.host}/items/\${itemId}/ws?token=\${token}\`);
        ws.onmessage = (event) => {
          const item = document.createElement("li");
          item.textContent = event.data;
          document.getElementById("messages").appendChild(item);
        };
        event.preventDefault();
      }
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

async function getCookieOrToken({ session, token }: { session: string | null; token: string | null }) {
  if (session === null && token === null) throw new WebSocketException(status.WS_1008_POLICY_VIOLATION);
  return (session || token) as string;
}

app.websocket(
  "/items/{item_id}/ws",
  {
    params: {
      websocket: WebSocket,
      item_id: Path(z.string()),
      q: Query(z.int().nullable().default(null)),
      cookie_or_token: Depends(getCookieOrToken, {
        params: { session: Cookie(z.string().nullable().default(null)), token: Query(z.string().nullable().default(null)) },
      }),
    },
  },
  async function websocketEndpoint({ websocket, item_id, q, cookie_or_token }) {
    await websocket.accept();
    for (;;) {
      const data = await websocket.receiveText();
      await websocket.sendText(`Session cookie or query token value is: ${cookie_or_token}`);
      if (q !== null) await websocket.sendText(`Query parameter q is: ${q}`);
      await websocket.sendText(`Message text was: ${data}, for item ID: ${item_id}`);
    }
  },
);

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
