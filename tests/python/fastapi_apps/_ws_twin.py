# Not a tutorial twin: served by its own tests with uvicorn's --ws-* options, so it has no
# case file (the leading underscore). The Python side of tests/server_websockets*.test.ts: a
# bare ASGI app speaking the websocket messages directly, twin of tests/websocket_twin.ts.
# What each connection received is kept under its ?key= and read back through /report.
import json
from urllib.parse import parse_qs

EVENTS: dict[str, list] = {}


def latin1(b: bytes) -> str:
    return b.decode("latin-1")


def describe(scope) -> dict:
    return {
        "type": scope["type"],
        "asgi": scope["asgi"],
        "http_version": scope["http_version"],
        "scheme": scope["scheme"],
        "path": scope["path"],
        "raw_path": latin1(scope["raw_path"]),
        "root_path": scope["root_path"],
        "query_string": latin1(scope["query_string"]),
        "headers": [[latin1(k), latin1(v)] for k, v in scope["headers"]],
        "subprotocols": scope["subprotocols"],
        "client": [type(scope["client"][0]).__name__, type(scope["client"][1]).__name__],
        "server": [scope["server"][0], type(scope["server"][1]).__name__],
        "state": sorted(scope["state"]),
        "extensions": scope["extensions"],
    }


def record(key: str, message: dict) -> None:
    event = {k: v for k, v in message.items() if k != "bytes"}
    if "bytes" in message:
        event["bytes"] = len(message["bytes"])
    if "text" in message and len(message["text"]) > 64:
        event["text"] = len(message["text"])
    EVENTS.setdefault(key, []).append(event)


async def app(scope, receive, send):
    if scope["type"] == "lifespan":
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            else:
                await send({"type": "lifespan.shutdown.complete"})
                return
    if scope["type"] != "websocket":
        await send({"type": "http.response.start", "status": 404, "headers": []})
        await send({"type": "http.response.body", "body": b"not here"})
        return
    query = {k: v[0] for k, v in parse_qs(latin1(scope["query_string"])).items()}
    key = query.get("key", "")
    path = scope["path"]
    connect = await receive()
    assert connect == {"type": "websocket.connect"}, connect
    if path == "/deny":
        await send({"type": "websocket.close", "code": 4003, "reason": "ignored"})
        record(key, await receive())
        return
    if path == "/crash-before":
        raise RuntimeError("crash before accept")
    if path == "/return-before":
        return
    if path == "/send-before":
        await send({"type": "websocket.send", "text": "too soon"})
        return
    if path == "/http-deny":
        headers = [(b"x-reason", b"nope"), (b"content-type", b"text/plain")]
        await send({"type": "websocket.http.response.start", "status": int(query.get("status", "401")), "headers": headers})
        await send({"type": "websocket.http.response.body", "body": b"go ", "more_body": True})
        await send({"type": "websocket.http.response.body", "body": b"away"})
        record(key, await receive())
        return
    if path == "/report":
        await send({"type": "websocket.accept"})
        await send({"type": "websocket.send", "text": json.dumps(EVENTS.get(key, []))})
        await send({"type": "websocket.close", "code": 1000})
        return
    accept: dict = {"type": "websocket.accept"}
    if "subprotocol" in query:
        accept["subprotocol"] = query["subprotocol"]
    elif query.get("pick") == "last" and scope["subprotocols"]:
        accept["subprotocol"] = scope["subprotocols"][-1]
    if "header" in query:
        name, _, value = query["header"].partition(":")
        accept["headers"] = [(name.encode("latin-1"), value.encode("latin-1"))]
    await send(accept)
    while True:
        message = await receive()
        record(key, message)
        if message["type"] == "websocket.disconnect":
            return
        text = message.get("text")
        if text == "scope":
            await send({"type": "websocket.send", "text": json.dumps(describe(scope))})
        elif text is not None and text.startswith("close "):
            _, code, *reason = text.split(" ", 2)
            await send({"type": "websocket.close", "code": int(code), "reason": reason[0] if reason else ""})
        elif text == "crash":
            raise RuntimeError("crash after accept")
        elif text == "return":
            await send({"type": "websocket.send", "text": "bye"})
            return
        elif text is not None and text.startswith("flood "):
            _, count, size = text.split(" ")
            for _ in range(int(count)):
                await send({"type": "websocket.send", "bytes": b"x" * int(size)})
            await send({"type": "websocket.send", "text": "flooded"})
        else:
            await send(message | {"type": "websocket.send"})
