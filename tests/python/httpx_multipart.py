# Encodes request bodies with the real httpx, for tests/testclient.test.ts.
# stdin: {"cases": [{"content", "data", "files", "json", "headers"}]}, where bytes are {"base64": "..."},
# a file given as a list is httpx's tuple, and files given as a list are (name, file) pairs.
# stdout: {"extensions": [...], "results": [{"body": base64, "headers": {...}}]}.
import base64
import json
import mimetypes
import sys

import httpx

# Python's built-in tables only, not the machine's /etc/mime.types: the TS port embeds them.
mimetypes.init()
mimetypes._db = mimetypes.MimeTypes()


def content(value):
    return base64.b64decode(value["base64"]) if isinstance(value, dict) else value


def file(spec):
    if isinstance(spec, list):
        return tuple([spec[0], content(spec[1]), *spec[2:]])
    return content(spec)


def encode(case):
    files = case.get("files")
    if isinstance(files, dict):
        files = {name: file(spec) for name, spec in files.items()}
    elif files is not None:
        files = [(name, file(spec)) for name, spec in files]
    request = httpx.Request(
        "POST",
        "http://testserver/",
        content=case.get("content"),
        data=case.get("data"),
        files=files,
        json=case.get("json"),
        headers=case.get("headers"),
    )
    request.read()
    return {
        "body": base64.b64encode(request.content).decode(),
        "headers": {k: v for k, v in request.headers.items() if k in ("content-type", "content-length")},
    }


cases = json.load(sys.stdin)["cases"]
print(json.dumps({
    "extensions": sorted([*mimetypes._types_map_default, *mimetypes._suffix_map_default, *mimetypes._encodings_map_default]),
    "results": [encode(case) for case in cases],
}))
