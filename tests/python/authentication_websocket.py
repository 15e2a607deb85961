# The websocket half of Starlette's tests/test_authentication.py, at the ASGI level:
# for each case, Starlette 1.x's AuthenticationMiddleware and @requires run a websocket
# scope with a fake receive/send, and the messages the app sent are printed, for
# tests/authentication.test.ts to compare with what starlette-ts's app sends.
# Input (stdin): [{"path": "/ws", "headers": [[name, value], ...]}, ...]; output: [[message, ...], ...].
import asyncio
import base64
import binascii
import json
import sys
from typing import Any

from starlette.applications import Starlette
from starlette.authentication import AuthCredentials, AuthenticationBackend, AuthenticationError, SimpleUser, requires
from starlette.middleware import Middleware
from starlette.middleware.authentication import AuthenticationMiddleware
from starlette.requests import HTTPConnection
from starlette.routing import WebSocketRoute
from starlette.websockets import WebSocket


class BasicAuth(AuthenticationBackend):
    async def authenticate(self, request: HTTPConnection):
        if "Authorization" not in request.headers:
            return None

        auth = request.headers["Authorization"]
        try:
            scheme, credentials = auth.split()
            decoded = base64.b64decode(credentials).decode("ascii")
        except (ValueError, UnicodeDecodeError, binascii.Error):
            raise AuthenticationError("Invalid basic auth credentials")

        username, _, password = decoded.partition(":")
        return AuthCredentials(["authenticated"]), SimpleUser(username)


@requires("authenticated")
async def websocket_endpoint(websocket: WebSocket) -> None:
    await websocket.accept()
    await websocket.send_json({"authenticated": websocket.user.is_authenticated, "user": websocket.user.display_name})


def ws_inject_decorator(**kwargs: Any):
    def wrapper(endpoint):
        def app(websocket: WebSocket):
            return endpoint(websocket=websocket, **kwargs)

        return app

    return wrapper


@ws_inject_decorator(additional="payload")
@requires("authenticated")
async def websocket_endpoint_decorated(websocket: WebSocket, additional: str) -> None:
    await websocket.accept()
    await websocket.send_json(
        {"authenticated": websocket.user.is_authenticated, "user": websocket.user.display_name, "additional": additional}
    )


app = Starlette(
    middleware=[Middleware(AuthenticationMiddleware, backend=BasicAuth())],
    routes=[WebSocketRoute("/ws", endpoint=websocket_endpoint), WebSocketRoute("/ws/decorated", endpoint=websocket_endpoint_decorated)],
)


async def run(case):
    scope = {
        "type": "websocket",
        "asgi": {"version": "3.0"},
        "scheme": "ws",
        "path": case["path"],
        "raw_path": case["path"].encode(),
        "root_path": "",
        "query_string": b"",
        "headers": [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in case["headers"]],
        "client": ["testclient", 50000],
        "server": ["testserver", 80],
        "subprotocols": [],
        "state": {},
    }
    incoming = [{"type": "websocket.connect"}]
    sent = []

    async def receive():
        return incoming.pop(0) if incoming else {"type": "websocket.disconnect", "code": 1000}

    async def send(message):
        sent.append(message)

    await app(scope, receive, send)
    return sent


print(json.dumps([asyncio.run(run(case)) for case in json.load(sys.stdin)]))
