# FastAPI's real jsonable_encoder for tests/fastapi/encoders.test.ts. Reads JSON on stdin:
#   {"cases": [{"py": <Python expression>, "opts": <keyword arguments as Python text>, "sort": bool}],
#    "bytes": [<hex string>, ...]}
# and writes {"cases": [...], "bytes": [...]}, each {"ok": value} or {"error": [type, message]}.
# Non-finite floats, which JSON cannot hold, are written as {"$float": "nan" | "inf" | "-inf"}.
import json
import math
import re
import sys
from collections import deque
from datetime import datetime, timezone

from fastapi._compat import Undefined
from fastapi.encoders import jsonable_encoder
from pydantic import AnyUrl, BaseModel


class Person:
    def __init__(self, name):
        self.name = name


class Pet:
    def __init__(self, owner, name):
        self.owner = owner
        self.name = name


class Base:
    pass


class Mid(Base):
    pass


class Leaf(Mid):
    pass


class Item(BaseModel):
    name: str
    at: datetime
    tags: list[str] = []


def with_attrs(obj, **attrs):
    for key, value in attrs.items():
        setattr(obj, key, value)
    return obj


def utc(*args):
    return datetime(*args, tzinfo=timezone.utc)


def plain(value):
    if isinstance(value, float) and not math.isfinite(value):
        return {"$float": repr(value)}
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def run(fn):
    try:
        return {"ok": fn()}
    except Exception as e:
        return {"error": [type(e).__name__, str(e)]}


def case(c):
    def go():
        out = plain(jsonable_encoder(eval(c["py"]), **eval(f"dict({c.get('opts', '')})")))
        return sorted(out) if c.get("sort") else out
    return run(go)


request = json.load(sys.stdin)
json.dump(
    {
        "cases": [case(c) for c in request["cases"]],
        "bytes": [run(lambda h=h: jsonable_encoder(bytes.fromhex(h))) for h in request["bytes"]],
    },
    sys.stdout,
)
