"""What Python answers for the pieces StaticFiles and FileResponse are built from, for
tests/staticfiles_oracle.test.ts to compare the TypeScript ports with, input by input.

Input (JSON on stdin): {"parsedate": [text...], "normpath": [text...], "realpath": [path...],
"ranges": [[header, size]...], "mtimes": [[sec, nsec]...], "guess_type": [name...],
"quote": [text...], "proxy": [{"trusted": ..., "client": ..., "headers": [[k, v]...], "type": ...}...]}
Output: the same keys, one answer per input.
"""
import asyncio
import email.utils
import hashlib
import json
import mimetypes
import os
import sys
from urllib.parse import quote

from starlette.responses import FileResponse, MalformedRangeHeader, RangeNotSatisfiable
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware


def parse_range(header, size):
    try:
        return {"ranges": FileResponse._parse_range_header(header, size)}
    except MalformedRangeHeader as exc:
        return {"malformed": exc.content}
    except RangeNotSatisfiable as exc:
        return {"unsatisfiable": exc.max_size}


def mtime(sec, nsec):
    # os.stat_result's st_mtime, as CPython's fill_time computes it, then what FileResponse makes of it.
    value = sec + nsec * 1e-9
    return {
        "repr": repr(value),
        "etag": hashlib.md5(f"{value}-10".encode()).hexdigest(),
        "last_modified": email.utils.formatdate(value, usegmt=True),
    }


def proxy(case):
    seen = {}

    async def app(scope, receive, send):
        seen["client"] = list(scope["client"]) if scope["client"] else None
        seen["scheme"] = scope["scheme"]

    scope = {
        "type": case.get("type", "http"),
        "scheme": "ws" if case.get("type") == "websocket" else "http",
        "client": case["client"],
        "headers": [(k.encode("latin-1"), v.encode("latin-1")) for k, v in case["headers"]],
    }
    asyncio.run(ProxyHeadersMiddleware(app, case["trusted"])(scope, None, None))
    return seen


def main():
    spec = json.load(sys.stdin)
    db = mimetypes.MimeTypes()  # the built-in tables only, as the TS port has them
    out = {
        "parsedate": [(lambda t: [str(x) for x in t[:6]] if t else None)(email.utils.parsedate(s)) for s in spec.get("parsedate", [])],
        "normpath": [os.path.normpath(p) for p in spec.get("normpath", [])],
        "realpath": [os.path.realpath(p) for p in spec.get("realpath", [])],
        "ranges": [parse_range(h, n) for h, n in spec.get("ranges", [])],
        "mtimes": [mtime(s, n) for s, n in spec.get("mtimes", [])],
        "guess_type": [db.guess_type(n)[0] for n in spec.get("guess_type", [])],
        "quote": [quote(s) for s in spec.get("quote", [])],
        "proxy": [proxy(c) for c in spec.get("proxy", [])],
    }
    print(json.dumps(out, ensure_ascii=False), end="")


main()
