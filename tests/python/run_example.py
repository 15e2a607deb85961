"""Runs example FastAPI apps with Starlette's TestClient, in process.

Input (JSON on stdin), one of:
  {"module": "/abs/app.py", "requests": [REQUEST, ...]}   -> output: [RESULT, ...]
  {"modules": [MODULE, ...], "requests": [REQUEST, ...]}  -> output: [[RESULT, ...], ...], one list per module
where MODULE is a path (sent the top-level "requests") or {"module": path, "requests": [REQUEST, ...]}.
A REQUEST is a path string (a GET) or an object with httpx's keywords:
  {"method": "POST", "path": "/items/?q=a", "json": ..., "data": {...}, "content": "raw body",
   "files": {name: FILE} or [[name, FILE], ...], "headers": {...}, "cookies": {...}, "params": {...}}
  (method defaults to GET; FILE is [filename, text] or [filename, text, content_type]; every key but path optional).
A RESULT: {"printed": what the app printed during the request, "status": int,
           "headers": [[name, value], ...] (lower-case names, in order), "body": the response text}.
Each module gets its own client (its own cookie jar); the module's `app` is the app, and its
directory is on sys.path while it loads (so it may import its neighbours).
"""
import contextlib
import importlib.util
import io
import json
import os
import sys
import warnings

# Starlette 1.x prefers httpx2 for its TestClient; the wheels hold httpx, which still works.
warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient` is deprecated")
# Per-request cookies still work in httpx 0.28 (sent once, not stored), as in the TypeScript TestClient.
warnings.filterwarnings("ignore", message="Setting per-request cookies")
from starlette.testclient import TestClient  # noqa: E402

KEYWORDS = ("json", "data", "content", "files", "headers", "cookies", "params")


def load(path, index):
    name = f"example_{index}"
    loader = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(loader)
    sys.modules[name] = module  # pydantic resolves a model's annotations through sys.modules
    sys.path.insert(0, os.path.dirname(os.path.abspath(path)))
    try:
        with contextlib.redirect_stdout(sys.stderr):  # keep stdout for the answer
            loader.loader.exec_module(module)
    finally:
        sys.path.pop(0)
    return module


def files_arg(files):
    items = files.items() if isinstance(files, dict) else files
    return [(name, tuple(spec)) for name, spec in items]


def send(client, request):
    if isinstance(request, str):
        request = {"path": request}
    kwargs = {k: request[k] for k in KEYWORDS if k in request}
    if "files" in kwargs:
        kwargs["files"] = files_arg(kwargs["files"])
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        response = client.request(request.get("method", "GET"), request["path"], **kwargs)
    return {
        "printed": printed.getvalue(),
        "status": response.status_code,
        "headers": [[k.decode("latin-1").lower(), v.decode("latin-1")] for k, v in response.headers.raw],
        "body": response.text,
    }


def run(path, requests, index):
    client = TestClient(load(path, index).app, raise_server_exceptions=False)
    return [send(client, request) for request in requests]


def main():
    spec = json.load(sys.stdin)
    if "module" in spec:
        out = run(spec["module"], spec["requests"], 0)
    else:
        out = []
        for index, entry in enumerate(spec["modules"]):
            if isinstance(entry, str):
                entry = {"module": entry, "requests": spec["requests"]}
            out.append(run(entry["module"], entry["requests"], index))
    json.dump(out, sys.stdout)


main()
