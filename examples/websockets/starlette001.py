# Starlette's level: a websocket function and a WebSocketEndpoint class, each in a WebSocketRoute.
from starlette.applications import Starlette
from starlette.endpoints import WebSocketEndpoint
from starlette.routing import WebSocketRoute
from starlette.websockets import WebSocket


async def shout(websocket: WebSocket):
    subprotocol = "shout.v1" if "shout.v1" in websocket.scope["subprotocols"] else None
    await websocket.accept(subprotocol=subprotocol, headers=[(b"x-shout", b"yes")])
    async for text in websocket.iter_text():
        if text == "bye":
            await websocket.close(code=4000, reason="Goodbye")
            return
        await websocket.send_text(text.upper())


class Counter(WebSocketEndpoint):
    encoding = "json"

    async def on_connect(self, websocket: WebSocket):
        await websocket.accept()
        self.total = 0

    async def on_receive(self, websocket: WebSocket, data):
        self.total += data["add"]
        await websocket.send_json({"total": self.total, "route": str(websocket.url_for("counter"))})

    async def on_disconnect(self, websocket: WebSocket, close_code: int):
        print(f"counter closed with {close_code} at {self.total}")


app = Starlette(routes=[WebSocketRoute("/shout", shout), WebSocketRoute("/counter", Counter, name="counter")])
