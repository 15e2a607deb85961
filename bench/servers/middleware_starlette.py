"""The middleware suite on Starlette 1.7: CORSMiddleware and GZipMiddleware (its defaults: level 9, 500 bytes)."""
import os

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.responses import Response
from starlette.routing import Route

with open(os.environ["MIDDLEWARE_PAYLOAD"], "rb") as f:
    PAYLOAD = f.read()


async def json10k(request):
    return Response(PAYLOAD, media_type="application/json")


app = Starlette(
    routes=[Route("/json10k", json10k)],
    middleware=[
        Middleware(
            CORSMiddleware,
            allow_origins=["https://app.example"],
            allow_methods=["GET", "PUT"],
            allow_headers=["content-type", "x-token"],
            allow_credentials=True,
            max_age=600,
        ),
        Middleware(GZipMiddleware, minimum_size=500, compresslevel=9),
    ],
)
