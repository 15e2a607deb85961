// Port of fastapi/websockets.py: Starlette's WebSocket, from the FastAPI layer's path.
export { WebSocket, WebSocketDisconnect, WebSocketState } from "../websockets.js";
