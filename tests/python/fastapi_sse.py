# FastAPI's real fastapi/sse.py for tests/fastapi/sse.test.ts. Reads JSON on stdin:
#   {"format": [<format_sse_event keyword arguments>],
#    "events": [<ServerSentEvent keyword arguments>],
#    "responses": [<EventSourceResponse keyword arguments>]}
# Values {"$float": "nan"} and {"$int": "<digits>"} stand for what JSON cannot hold.
# Writes the wire bytes as hex; for each event, either the bytes a FastAPI app streams for it
# or the ValidationError (its text and errors()); for each response, its raw headers; and the
# module's constants.
import json
import math
import sys

from fastapi import FastAPI
from fastapi.sse import (
    _PING_INTERVAL,
    _SSE_EVENT_SCHEMA,
    KEEPALIVE_COMMENT,
    EventSourceResponse,
    ServerSentEvent,
    format_sse_event,
)
from fastapi.testclient import TestClient
from pydantic import ValidationError


def revive(value):
    if isinstance(value, dict):
        if "$float" in value:
            return float(value["$float"])
        if "$int" in value:
            return int(value["$int"])
        return {k: revive(v) for k, v in value.items()}
    if isinstance(value, list):
        return [revive(v) for v in value]
    return value


def plain(value):
    if isinstance(value, float) and not math.isfinite(value):
        return {"$float": repr(value)}
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 2**53 - 1:
        return {"$int": str(value)}
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


app = FastAPI()
current: list = []


@app.get("/events", response_class=EventSourceResponse)
async def events():
    for item in current:
        yield item


client = TestClient(app)


def streamed(kwargs):
    try:
        event = ServerSentEvent(**kwargs)
    except ValidationError as e:
        errors = [
            {**err, "ctx": {k: str(v) if isinstance(v, Exception) else v for k, v in err["ctx"].items()}} if "ctx" in err else err
            for err in e.errors(include_url=False)
        ]
        return {"error": str(e), "errors": plain(errors)}
    current[:] = [event]
    response = client.get("/events")
    return {"bytes": response.content.hex(), "content-type": response.headers["content-type"]}


def response_headers(kwargs):
    response = EventSourceResponse(iter([]), **kwargs)
    return [[k.decode("latin-1"), v.decode("latin-1")] for k, v in response.raw_headers]


request = revive(json.load(sys.stdin))
json.dump(
    {
        "format": [format_sse_event(**kw).hex() for kw in request["format"]],
        "events": [streamed(kw) for kw in request["events"]],
        "responses": [response_headers(kw) for kw in request["responses"]],
        "keepalive": KEEPALIVE_COMMENT.hex(),
        "ping_interval": _PING_INTERVAL,
        "schema": _SSE_EVENT_SCHEMA,
    },
    sys.stdout,
    default=repr,
)
