# FastAPI's real fastapi.security for tests/fastapi/security/*.test.ts. Reads JSON on stdin:
#   {"schemes": [{"cls": "APIKeyHeader", "kwargs": {...}}],  each scheme's scheme_name and model
#    "calls": [{"cls": ..., "kwargs": {...}, "headers": [[name, value], ...], "query": "a=1"}],
#                                the scheme called on a request with those (latin-1) headers
#    "param": [<str|null>, ...], get_authorization_scheme_param(s)
#    "split": [<str>, ...],      str.split(), as OAuth2PasswordRequestForm splits the scopes
#    "title": [<str>, ...]}      HTTPBase(scheme=s)'s WWW-Authenticate header
# and writes the same keys, one item each: {"ok": value}, {"error": [type, message]} (for a
# pydantic ValidationError the message is the first error's loc), or for calls that raise an
# HTTPException {"raised": {"status": ..., "detail": ..., "headers": {...}}}.
import asyncio
import json
import sys

import fastapi.security as security
from fastapi.encoders import jsonable_encoder
from fastapi.security.http import HTTPBase
from pydantic import ValidationError
from starlette.exceptions import HTTPException
from starlette.requests import Request
from fastapi.security.utils import get_authorization_scheme_param


def make(cls, kwargs):
    return (HTTPBase if cls == "HTTPBase" else getattr(security, cls))(**kwargs)


def outcome(fn):
    try:
        return {"ok": fn()}
    except HTTPException as e:
        return {"raised": {"status": e.status_code, "detail": e.detail, "headers": e.headers}}
    except ValidationError as e:
        return {"error": ["ValidationError", ".".join(str(p) for p in e.errors()[0]["loc"])]}
    except (ValueError, TypeError) as e:
        return {"error": [type(e).__name__, str(e).splitlines()[0]]}


def scheme(spec):
    obj = make(spec["cls"], spec["kwargs"])
    return {"schemeName": obj.scheme_name, "model": jsonable_encoder(obj.model, by_alias=True, exclude_none=True)}


def call(spec):
    obj = make(spec["cls"], spec["kwargs"])
    headers = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in spec.get("headers", [])]
    request = Request({"type": "http", "headers": headers, "query_string": spec.get("query", "").encode("latin-1")})
    return jsonable_encoder(asyncio.run(obj(request)))


data = json.load(sys.stdin)
json.dump(
    {
        "schemes": [outcome(lambda: scheme(s)) for s in data.get("schemes", [])],
        "calls": [outcome(lambda: call(s)) for s in data.get("calls", [])],
        "param": [outcome(lambda: list(get_authorization_scheme_param(s))) for s in data.get("param", [])],
        "split": [outcome(lambda: s.split()) for s in data.get("split", [])],
        "title": [outcome(lambda: HTTPBase(scheme=s).make_authenticate_headers()["WWW-Authenticate"]) for s in data.get("title", [])],
    },
    sys.stdout,
)
