# The scope Starlette 1.7's TestClient.websocket_connect gives an app, for
# tests/testclient.test.ts to compare with starlette-ts's websocketConnect: for each case
# the app accepts and sends back the scope's fields (byte strings as latin-1 text), then
# the headers it accepted with are read back as the session's extra_headers.
# Input (stdin): [{"url": str, "subprotocols": [str] | null, "headers": [[k, v]] | null,
#   "params": {k: v} | null, "cookies": {k: v} | null, "root_path": str}, ...]
# Output: [{"scope": {...}, "accepted_subprotocol": str | null}, ...]
import json
import sys

from starlette.testclient import TestClient
from starlette.websockets import WebSocket


async def app(scope, receive, send):
    websocket = WebSocket(scope, receive, send)
    offered = scope["subprotocols"]
    await websocket.accept(subprotocol=offered[-1] if offered else None)
    await websocket.send_json(
        {
            "type": scope["type"],
            "scheme": scope["scheme"],
            "path": scope["path"],
            "raw_path": scope["raw_path"].decode("latin-1"),
            "root_path": scope["root_path"],
            "query_string": scope["query_string"].decode("latin-1"),
            "headers": [[k.decode("latin-1"), v.decode("latin-1")] for k, v in scope["headers"]],
            "client": list(scope["client"]),
            "server": list(scope["server"]),
            "subprotocols": list(scope["subprotocols"]),
            "extensions": scope["extensions"],
            "url": str(websocket.url),
            "cookies": websocket.cookies,
        }
    )
    await websocket.close()


def run(case):
    client = TestClient(app, root_path=case.get("root_path", ""))
    for name, value in (case.get("jar") or {}).items():
        client.cookies.set(name, value)
    kwargs = {}
    if case.get("headers") is not None:
        kwargs["headers"] = {k: v for k, v in case["headers"]}
    if case.get("params") is not None:
        kwargs["params"] = case["params"]
    with client.websocket_connect(case["url"], subprotocols=case.get("subprotocols"), **kwargs) as websocket:
        scope = websocket.receive_json()
        return {"scope": scope, "accepted_subprotocol": websocket.accepted_subprotocol}


print(json.dumps([run(case) for case in json.load(sys.stdin)]))
