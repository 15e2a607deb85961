# Starlette 1.7's WebSocketEndpoint at the ASGI level, for tests/endpoints.test.ts: for each
# case an endpoint with the given `encoding` echoes what on_receive got, the client's
# messages are fed to it in order, and the messages it sent, the close codes on_disconnect
# got and whether it raised are printed. Bytes travel as {"hex": "..."} both ways.
# Input (stdin): [{"encoding": "text" | "bytes" | "json" | null, "messages": [message, ...]}, ...]
# Output: [{"sent": [message, ...], "codes": [int, ...], "raised": bool}, ...]
import asyncio
import json
import sys

from starlette.endpoints import WebSocketEndpoint


def tag(value):
    if isinstance(value, bytes):
        return {"hex": value.hex()}
    if isinstance(value, dict):
        return {k: tag(v) for k, v in value.items()}
    if isinstance(value, list):
        return [tag(v) for v in value]
    return value


def untag(message):
    return {k: bytes.fromhex(v["hex"]) if isinstance(v, dict) and "hex" in v else v for k, v in message.items()}


async def run(case):
    codes = []

    class Endpoint(WebSocketEndpoint):
        encoding = case["encoding"]

        async def on_receive(self, websocket, data):
            await websocket.send_json({"data": tag(data)})

        async def on_disconnect(self, websocket, close_code):
            codes.append(close_code)

    incoming = [{"type": "websocket.connect"}] + [untag(m) for m in case["messages"]]
    sent = []

    async def receive():
        return incoming.pop(0)

    async def send(message):
        sent.append(tag(message))

    try:
        await Endpoint({"type": "websocket", "path": "/", "headers": []}, receive, send)
        raised = False
    except Exception:
        raised = True
    return {"sent": sent, "codes": codes, "raised": raised}


print(json.dumps([asyncio.run(run(case)) for case in json.load(sys.stdin)]))
