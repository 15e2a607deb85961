# A chat with sessions: an HTTP route logs in and sets the session; the websocket reads the
# user name from it (a websocket handshake cannot set cookies, so the login is an HTTP request).
from typing import Annotated

from fastapi import Body, FastAPI, Request, WebSocket, WebSocketDisconnect, WebSocketException, status
from starlette.middleware.sessions import SessionMiddleware

app = FastAPI()
app.add_middleware(SessionMiddleware, secret_key="change-me")

connections: list[WebSocket] = []


async def broadcast(message: str):
    for connection in connections:
        await connection.send_text(message)


@app.post("/login")
async def login(request: Request, username: Annotated[str, Body(embed=True)]):
    request.session["username"] = username
    return {"username": username}


@app.websocket("/chat")
async def chat(websocket: WebSocket):
    username = websocket.session.get("username")
    if username is None:
        raise WebSocketException(code=status.WS_1008_POLICY_VIOLATION, reason="Log in first")
    await websocket.accept()
    connections.append(websocket)
    await broadcast(f"{username} joined")
    try:
        while True:
            text = await websocket.receive_text()
            await broadcast(f"{username}: {text}")
    except WebSocketDisconnect:
        connections.remove(websocket)
        await broadcast(f"{username} left")
