"""Python Starlette (the venv's 1.7.0), the system starlette-ts ports; run with uvicorn, one worker."""
import os

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.responses import JSONResponse, PlainTextResponse
from starlette.routing import Route

MODE = os.environ.get("MODE", "plain")
LAYERS = int(os.environ.get("LAYERS", "0"))


class PassThrough:
    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        await self.app(scope, receive, send)


async def call_next_only(request, call_next):
    return await call_next(request)


async def plain(request):
    return PlainTextResponse("ok")


async def json_route(request):
    return JSONResponse({"hello": "world"})


async def incr(request):
    request.session["count"] = request.session.get("count", 0) + 1
    return JSONResponse({"count": request.session["count"]})


middleware = [Middleware(SessionMiddleware, secret_key="bench-secret")]
if MODE == "http":
    middleware = [Middleware(BaseHTTPMiddleware, dispatch=call_next_only) for _ in range(LAYERS)] + middleware
if MODE == "asgi":
    middleware = [Middleware(PassThrough) for _ in range(LAYERS)] + middleware

app = Starlette(routes=[Route("/plain", plain), Route("/json", json_route), Route("/session/incr", incr)], middleware=middleware)
