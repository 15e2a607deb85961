# Starlette's real form parsers (starlette.formparsers on python-multipart) for
# tests/formparsers.test.ts. Reads a JSON list of cases on stdin, each
#   {"parser": "multipart" | "urlencoded" | "options", "content_type": str, "body": base64,
#    "chunks": [int, ...] (optional chunk sizes; the rest of the body is one last chunk),
#    "limits": {"max_files": n, "max_fields": n, "max_part_size": n} (optional)}
# ("options" runs parse_options_header on content_type alone) and writes one result per case:
#   {"items": [[name, str | {"filename", "content_type", "headers": [[k, v]], "content": base64}]]}
#   {"options": [value, [[key, value], ...]]}           (header strings as latin-1)
#   {"error": [exception type, message]}
import asyncio
import base64
import json
import sys

from python_multipart.multipart import parse_options_header
from starlette.datastructures import Headers, UploadFile
from starlette.formparsers import FormParser, MultiPartParser


def latin1(b):
    return b.decode("latin-1")


async def stream(body, chunks):
    # Like Request.stream(): the non-empty chunks received, then b"".
    pos = 0
    for size in chunks:
        if body[pos : pos + size]:
            yield body[pos : pos + size]
        pos += size
    if body[pos:]:
        yield body[pos:]
    yield b""


async def item(value):
    if isinstance(value, str):
        return value
    assert isinstance(value, UploadFile), "a form item is a str or an UploadFile"
    return {
        "filename": value.filename,
        "content_type": value.content_type,
        "headers": [[latin1(k), latin1(v)] for k, v in value.headers.raw],
        "content": base64.b64encode(await value.read()).decode(),
    }


async def run(case):
    if case["parser"] == "options":
        value, options = parse_options_header(case["content_type"])
        return {"options": [latin1(value), [[latin1(k), latin1(v)] for k, v in options.items()]]}
    body = base64.b64decode(case["body"])
    headers = Headers(raw=[(b"content-type", case["content_type"].encode("latin-1"))])
    limits = case.get("limits", {})
    chunks = stream(body, case.get("chunks", []))
    try:
        if case["parser"] == "multipart":
            form = await MultiPartParser(headers, chunks, **limits).parse()
        else:
            limits.pop("max_files", None)
            form = await FormParser(headers, chunks, **limits).parse()
    except Exception as exc:
        return {"error": [type(exc).__name__, getattr(exc, "message", str(exc))]}
    return {"items": [[name, await item(value)] for name, value in form.multi_items()]}


async def main():
    cases = json.load(sys.stdin)
    results = [await run(case) for case in cases]
    json.dump(results, sys.stdout)


asyncio.run(main())
