# For tests/middleware/*.test.ts: runs Starlette's own CORS, GZip, TrustedHost
# and HTTPSRedirect middleware in-process, each case around an inner app that
# sends given ASGI messages, and returns every message the middleware sent.
# stdin: {"cases": [{"middleware", "options", "scope", "messages"}]}, with
# header names and values as latin-1 text and bodies as base64; stdout: a list
# of {"messages": [...]} or {"error": "..."} in the same shapes.
import asyncio
import base64
import json
import sys

from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.middleware.httpsredirect import HTTPSRedirectMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware

MIDDLEWARE = {
    "cors": CORSMiddleware,
    "gzip": GZipMiddleware,
    "trustedhost": TrustedHostMiddleware,
    "httpsredirect": HTTPSRedirectMiddleware,
}


def to_asgi(message):
    out = dict(message)
    if "headers" in out:
        out["headers"] = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in out["headers"]]
    if "body" in out:
        out["body"] = base64.b64decode(out["body"])
    return out


def from_asgi(message):
    out = dict(message)
    if "headers" in out:
        out["headers"] = [[bytes(k).decode("latin-1"), bytes(v).decode("latin-1")] for k, v in out["headers"]]
    if "body" in out:
        out["body"] = base64.b64encode(out["body"]).decode("ascii")
    return out


async def run(case):
    inner_messages = [to_asgi(m) for m in case["messages"]]

    async def inner(scope, receive, send):
        for message in inner_messages:
            await send(dict(message))

    middleware = MIDDLEWARE[case["middleware"]](inner, **case.get("options", {}))
    scope = dict(case["scope"])
    scope["headers"] = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in scope.get("headers", [])]
    scope["query_string"] = scope.get("query_string", "").encode("latin-1")
    if "server" in scope and scope["server"] is not None:
        scope["server"] = tuple(scope["server"])
    sent = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(from_asgi(message))

    await middleware(scope, receive, send)
    return sent


async def main():
    request = json.load(sys.stdin)
    out = []
    for case in request["cases"]:
        try:
            out.append({"messages": await run(case)})
        except Exception as exc:  # the middleware's refusal of its options, or of a request
            out.append({"error": f"{type(exc).__name__}: {exc}"})
    json.dump(out, sys.stdout)


asyncio.run(main())
