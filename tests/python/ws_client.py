# Python's `websockets` client (17.1, from the venv) against a server running the websocket
# twin (tests/python/fastapi_apps/_ws_twin.py under uvicorn, tests/websocket_twin.ts under
# serve()). Reads {"url": "ws://host:port", "scenarios": [name, ...], "max_size": n} as JSON
# on stdin and prints {name: what the client saw} as JSON, so tests/server_websockets*.test.ts
# can ask both servers the same questions and compare.
import asyncio
import json
import sys
import uuid

import websockets
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidStatus

CONFIG = json.loads(sys.stdin.read())
URL = CONFIG["url"]
# Headers whose value changes from run to run, or that one server adds and the other does not.
VOLATILE = {"date", "server", "sec-websocket-accept", "sec-websocket-key", "host"}


def closed(exc: ConnectionClosed) -> dict:
    return {
        "received": None if exc.rcvd is None else {"code": exc.rcvd.code, "reason": exc.rcvd.reason},
        "ok": exc.rcvd is not None and exc.rcvd.code in (1000, 1001),
    }


def denied(exc: InvalidStatus) -> dict:
    response = exc.response
    headers = [[k.lower(), v] for k, v in response.headers.raw_items() if k.lower() not in VOLATILE]
    return {"status": response.status_code, "reason": response.reason_phrase, "headers": headers, "body": response.body.decode("latin-1")}


async def report(key: str) -> list:
    # What the app received on the connection `key`, once it has had time to see the end.
    for _ in range(50):
        async with connect(f"{URL}/report?key={key}") as ws:
            events = json.loads(await ws.recv())
        if events and events[-1]["type"] == "websocket.disconnect":
            return events
        await asyncio.sleep(0.05)
    return events


async def until_closed(ws) -> dict:
    try:
        while True:
            await ws.recv()
    except ConnectionClosed as exc:
        return closed(exc)


def new_key() -> str:
    return uuid.uuid4().hex


async def scope():
    key = new_key()
    async with connect(f"{URL}/echo/caf%C3%A9%2Fx?key={key}&a=%20b", subprotocols=["chat", "superchat"], additional_headers={"X-Test": "a, b", "x-test": "second"}) as ws:
        await ws.send("scope")
        got = json.loads(await ws.recv())
    got["headers"] = [[k, v] for k, v in got["headers"] if k not in VOLATILE]
    return got


async def subprotocol_pick():
    async with connect(f"{URL}/echo?pick=last", subprotocols=["chat", "superchat"]) as ws:
        return {"subprotocol": ws.subprotocol, "header": ws.response.headers.get("sec-websocket-protocol")}


async def subprotocol_none_offered():
    async with connect(f"{URL}/echo") as ws:
        return {"subprotocol": ws.subprotocol, "header": ws.response.headers.get("sec-websocket-protocol")}


async def subprotocol_unoffered():
    try:
        async with connect(f"{URL}/echo?subprotocol=foo"):
            return {"connected": True}
    except InvalidHandshake as exc:
        return {"error": type(exc).__name__, "message": str(exc)}


async def subprotocol_not_in_list():
    try:
        async with connect(f"{URL}/echo?subprotocol=other", subprotocols=["chat"]):
            return {"connected": True}
    except InvalidHandshake as exc:
        return {"error": type(exc).__name__, "message": str(exc)}


async def accept_headers():
    async with connect(f"{URL}/echo?header=X-Custom:yes%20it%20is") as ws:
        headers = [[k.lower(), v] for k, v in ws.response.headers.raw_items() if k.lower() not in VOLATILE]
        return {"status": ws.response.status_code, "reason": ws.response.reason_phrase, "headers": headers}


async def no_compression():
    async with connect(f"{URL}/echo", compression=None) as ws:
        await ws.send("plain")
        return {"echo": await ws.recv(), "extensions": ws.response.headers.get("sec-websocket-extensions")}


async def echo():
    out = []
    async with connect(f"{URL}/echo") as ws:
        for message in ["hello", "", "héllo wörld 🌍", b"\x00\x01\x02\xff", b"", "x" * 2000]:
            await ws.send(message)
            reply = await ws.recv()
            out.append([type(reply).__name__, reply == message])
    return out


async def large():
    out = []
    async with connect(f"{URL}/echo", max_size=None) as ws:
        for message in ["é" * (1024 * 1024), bytes(range(256)) * (32 * 1024), b"\x00" * (15 * 1024 * 1024)]:
            await ws.send(message)
            reply = await ws.recv()
            out.append([type(reply).__name__, len(reply), reply == message])
    return out


async def fragmented():
    async with connect(f"{URL}/echo") as ws:
        await ws.send(["frag", "ment", "ed ", "é" * 3000])
        text = await ws.recv()
        await ws.send([b"ab", b"", b"cd" * 5000])
        data = await ws.recv()
        return {"text": text == "fragmented " + "é" * 3000, "bytes": data == b"ab" + b"cd" * 5000}


async def ping():
    async with connect(f"{URL}/echo") as ws:
        pongs = [await asyncio.wait_for(await ws.ping(payload), 5) for payload in (b"", b"payload", "text")]
        await ws.send("after")
        return {"pongs": len(pongs), "still_open": await ws.recv() == "after"}


async def server_close():
    out = {}
    for command in ["close 4001 bye", "close 1000", "close 3000 ünïcode reason", "close 1001 going"]:
        key = new_key()
        async with connect(f"{URL}/echo?key={key}") as ws:
            await ws.send(command)
            out[command] = await until_closed(ws) | {"app": (await report(key))[-1]}
    return out


async def client_close():
    out = {}
    for code, reason in [(1000, ""), (4002, "ciao"), (1001, "gone"), (3999, "ü" * 20)]:
        key = new_key()
        ws = await connect(f"{URL}/echo?key={key}")
        await ws.send("hi")
        await ws.recv()
        await ws.close(code, reason)
        out[f"{code} {reason}"] = {"client_close_code": ws.close_code, "app": (await report(key))[-2:]}
    return out


async def abrupt():
    key = new_key()
    ws = await connect(f"{URL}/echo?key={key}")
    await ws.send("hi")
    await ws.recv()
    ws.transport.abort()
    await asyncio.sleep(0.05)
    return {"app": (await report(key))[-1]}


async def crash_after():
    key = new_key()
    async with connect(f"{URL}/echo?key={key}") as ws:
        await ws.send("crash")
        return await until_closed(ws)


async def return_after():
    async with connect(f"{URL}/echo") as ws:
        await ws.send("return")
        bye = await ws.recv()
        return {"bye": bye} | await until_closed(ws)


async def rejected(path: str):
    key = new_key()
    try:
        async with connect(f"{URL}{path}?key={key}"):
            return {"connected": True}
    except InvalidStatus as exc:
        out = denied(exc)
    if path in ("/deny", "/http-deny"):
        out["app"] = (await report(key))[-1]
    return out


async def oversize():
    limit = CONFIG["max_size"]
    key = new_key()
    async with connect(f"{URL}/echo?key={key}", max_size=None) as ws:
        await ws.send(b"x" * limit)
        fits = len(await ws.recv())
        await ws.send(b"x" * (limit + 1))
        return {"fits": fits} | await until_closed(ws) | {"app": (await report(key))[-1]}


async def oversize_text():
    limit = CONFIG["max_size"]
    async with connect(f"{URL}/echo", max_size=None) as ws:
        await ws.send(["y" * (limit // 2), "y" * (limit // 2 + 1)])
        return await until_closed(ws)


async def invalid_utf8():
    key = new_key()
    async with connect(f"{URL}/echo?key={key}") as ws:
        await ws.send(b"\xff\xfe ok", text=True)
        return await until_closed(ws) | {"app": (await report(key))[-1]}


async def serves_on():
    async with connect(f"{URL}/echo") as ws:
        await ws.send("still here")
        return await ws.recv()


SCENARIOS = {
    "scope": scope,
    "subprotocol_pick": subprotocol_pick,
    "subprotocol_none_offered": subprotocol_none_offered,
    "subprotocol_unoffered": subprotocol_unoffered,
    "subprotocol_not_in_list": subprotocol_not_in_list,
    "accept_headers": accept_headers,
    "no_compression": no_compression,
    "echo": echo,
    "large": large,
    "fragmented": fragmented,
    "ping": ping,
    "server_close": server_close,
    "client_close": client_close,
    "abrupt": abrupt,
    "crash_after": crash_after,
    "return_after": return_after,
    "deny": lambda: rejected("/deny"),
    "http_deny": lambda: rejected("/http-deny"),
    "crash_before": lambda: rejected("/crash-before"),
    "return_before": lambda: rejected("/return-before"),
    "send_before": lambda: rejected("/send-before"),
    "oversize": oversize,
    "oversize_text": oversize_text,
    "invalid_utf8": invalid_utf8,
    "serves_on": serves_on,
}


async def main() -> None:
    out = {"websockets": websockets.__version__}
    for name in CONFIG["scenarios"]:
        try:
            out[name] = await asyncio.wait_for(SCENARIOS[name](), 30)
        except Exception as exc:  # reported, so a mismatch shows what went wrong
            out[name] = {"exception": type(exc).__name__, "message": str(exc)}
    print(json.dumps(out))


asyncio.run(main())
