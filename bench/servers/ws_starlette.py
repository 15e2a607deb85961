"""The websocket suite's Python row (bench/websockets.ts): Starlette 1.7 under uvicorn, echoing
through websocket.receive_text / send_text, as the starlette-ts App row does."""
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route, WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect


async def plain(request):
    return PlainTextResponse("ok")


async def echo(websocket: WebSocket):
    await websocket.accept()
    try:
        while True:
            await websocket.send_text(await websocket.receive_text())
    except WebSocketDisconnect:
        pass


app = Starlette(routes=[Route("/plain", plain), WebSocketRoute("/ws", echo)])
