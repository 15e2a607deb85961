# Shared by the starlette_<middleware>.py twins of tests/middleware/http.test.ts:
# one uvicorn serves every option combination of one middleware, config k under
# /k/..., each around the same inner app; tests/middleware/_http_twin.ts builds
# the same in starlette-ts from the same _middleware_options.json.
import itertools
import json
from pathlib import Path

from starlette.applications import Starlette
from starlette.responses import JSONResponse, PlainTextResponse, Response, StreamingResponse
from starlette.routing import Route

OPTIONS = json.loads((Path(__file__).parent / "_middleware_options.json").read_text())


def configs(name):
    """Every combination of `product`, with each `alternate` option set by one bit of the config's index."""
    spec = OPTIONS[name]
    keys = list(spec["product"])
    out = []
    for k, values in enumerate(itertools.product(*spec["product"].values())):
        config = {key: value for key, value in zip(keys, values) if value is not None}
        for bit, (key, choices) in enumerate(spec["alternate"].items()):
            value = choices[(k >> bit) & 1]
            if value is not None:
                config[key] = value
        out.append(config)
    return out


JSON_10K = [{"id": i, "name": f"item {i}", "tags": ["a", "b"]} for i in range(240)]


async def chunks(chunk, count):
    for _ in range(count):
        yield chunk


def endpoint(request):
    kind = request.path_params["kind"]
    if kind == "plain":
        return PlainTextResponse("Homepage")
    if kind == "vary":
        return PlainTextResponse("Homepage", headers={"Vary": "Accept-Encoding"})
    if kind == "big":
        return PlainTextResponse("x" * 4000)
    if kind == "lorem":
        return Response("Lorem ipsum dolor sit amet. " * 200, media_type="text/html")
    if kind == "json":
        return JSONResponse(JSON_10K)
    if kind == "stream":
        return StreamingResponse(chunks(b"x" * 400, 10))
    if kind == "sse":
        return StreamingResponse(chunks(b"data: " + b"x" * 400 + b"\n\n", 3), media_type="text/event-stream")
    if kind == "encoded":
        return Response(b"x" * 4000, headers={"Content-Encoding": "text"})
    if kind == "png":
        return Response(b"\x89PNG" + b"x" * 1000, media_type="image/png")
    if kind == "partial":
        return Response(b"x" * 1000, status_code=206, headers={"Content-Range": "bytes 0-999/2000"})
    if kind == "empty":
        return Response(status_code=204)
    return PlainTextResponse("OK")


inner = Starlette(routes=[Route("/{k:int}/{kind}", endpoint, methods=["GET", "POST", "PUT", "OPTIONS", "DELETE"])])


def twin(middleware_class, name):
    stacks = [middleware_class(inner, **config) for config in configs(name)]

    async def app(scope, receive, send):
        if scope["type"] == "lifespan":
            await inner(scope, receive, send)
            return
        k = int(scope["path"].split("/")[1])
        await stacks[k](scope, receive, send)

    return app
