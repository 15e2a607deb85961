// Testing WebSockets: the same TestClient opens a websocket with websocketConnect().
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI } from "starlette-ts/fastapi";
import { TestClient } from "starlette-ts/fastapi/testclient";
import { WebSocket } from "starlette-ts/fastapi/websockets";

export const app = new FastAPI();

app.get("/", async function readMain() {
  return { msg: "Hello World" };
});

app.websocket("/ws", { params: { websocket: WebSocket } }, async function websocket({ websocket }) {
  await websocket.accept();
  await websocket.sendJson({ msg: "Hello WebSocket" });
  await websocket.close();
});

export async function testReadMain() {
  const client = new TestClient(app);
  const response = await client.get("/");
  assert.equal(response.statusCode, 200);
  assert.deepEqual(response.json(), { msg: "Hello World" });
}

export async function testWebsocket() {
  const client = new TestClient(app);
  await using websocket = await client.websocketConnect("/ws");
  const data = await websocket.receiveJson();
  assert.deepEqual(data, { msg: "Hello WebSocket" });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
