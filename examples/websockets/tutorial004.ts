// A chat with sessions: an HTTP route logs in and sets the session; the websocket reads the
// user name from it (a websocket handshake cannot set cookies, so the login is an HTTP request).
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { Body, FastAPI, Request, WebSocket, WebSocketDisconnect, WebSocketException, status } from "starlette-ts/fastapi";
import { SessionMiddleware } from "starlette-ts/middleware/sessions";
import * as z from "zod";

export const app = new FastAPI();
app.addMiddleware(SessionMiddleware, { secretKey: "change-me" });

const connections: WebSocket[] = [];

async function broadcast(message: string) {
  for (const connection of connections) await connection.sendText(message);
}

app.post("/login", { params: { request: Request, username: Body(z.string(), { embed: true }) } }, async function login({ request, username }) {
  request.session.set("username", username);
  return { username };
});

app.websocket("/chat", { params: { websocket: WebSocket } }, async function chat({ websocket }) {
  const username = websocket.session.get<string>("username");
  if (username === null) throw new WebSocketException(status.WS_1008_POLICY_VIOLATION, "Log in first");
  await websocket.accept();
  connections.push(websocket);
  await broadcast(`${username} joined`);
  try {
    for (;;) {
      const text = await websocket.receiveText();
      await broadcast(`${username}: ${text}`);
    }
  } catch (exc) {
    if (!(exc instanceof WebSocketDisconnect)) throw exc;
    connections.splice(connections.indexOf(websocket), 1);
    await broadcast(`${username} left`);
  }
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
