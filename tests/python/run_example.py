"""Runs example FastAPI apps with Starlette's TestClient, in process.

Input (JSON on stdin), one of:
  {"module": "/abs/app.py", "requests": [REQUEST, ...]}   -> output: [RESULT, ...]
  {"modules": [MODULE, ...], "requests": [REQUEST, ...]}  -> output: [[RESULT, ...], ...], one list per module
where MODULE is a path (sent the top-level "requests") or {"module": path, "requests": [REQUEST, ...]}.
A REQUEST is a path string (a GET) or an object with httpx's keywords:
  {"method": "POST", "path": "/items/?q=a", "json": ..., "data": {...}, "content": "raw body",
   "files": {name: FILE} or [[name, FILE], ...], "headers": {...}, "cookies": {...}, "params": {...}}
  (method defaults to GET; FILE is [filename, text] or [filename, text, content_type]; every key but path optional).
  Or a websocket script, {"script": [STEP, ...]}, run on the module's client (its cookie jar too): see
  run_script below and tests/fastapi/websockets_script.ts, its TypeScript twin. Its RESULT is
  {"script": [OUTCOME, ...], "printed": text}, one OUTCOME per step.
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


def jsonable(value):
    """A message or reason as JSON: bytes as latin-1 text."""
    if isinstance(value, bytes):
        return value.decode("latin-1")
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    return value


def failure(exc):
    """What the client saw instead of a result: a close, a refused handshake, or the app's error."""
    from starlette.testclient import WebSocketDenialResponse
    from starlette.websockets import WebSocketDisconnect

    if isinstance(exc, WebSocketDenialResponse):
        return {"denial": {"status": exc.status_code, "body": exc.text}}
    if isinstance(exc, WebSocketDisconnect):
        return {"disconnect": {"code": exc.code, "reason": jsonable(exc.reason)}}
    return {"error": type(exc).__name__}


def ws_step(session, step):
    if "send_text" in step:
        session.send_text(step["send_text"])
    elif "send_json" in step:
        session.send_json(step["send_json"])
    elif "send_bytes" in step:
        session.send_bytes(step["send_bytes"].encode("latin-1"))
    elif "close" in step:
        session.close(step["close"] or 1000, step.get("reason"))
    elif "receive_text" in step:
        return {"text": session.receive_text()}
    elif "receive_json" in step:
        return {"json": session.receive_json()}
    elif "receive_bytes" in step:
        return {"bytes": session.receive_bytes().decode("latin-1")}
    elif "receive" in step:
        return {"message": jsonable(session.receive())}
    return {"ok": True}


def run_script(client, steps):
    """Websocket sessions (and HTTP requests) in order, with what the app printed meanwhile."""
    printed = io.StringIO()
    # Several sessions at once share one event loop only inside `with client:` (else each gets a
    # portal, a thread and a loop of its own, and a broadcast from one session to another's
    # socket crosses loops and can hang).
    shared = contextlib.nullcontext() if sum("connect" in step for step in steps) < 2 else client
    with contextlib.redirect_stdout(printed), shared:
        outcomes = script_outcomes(client, steps)
    return {"script": outcomes, "printed": printed.getvalue()}


def script_outcomes(client, steps):
    """A session that failed skips its later steps."""
    sessions, outcomes = {}, []
    for step in steps:
        if "http" in step:
            answer = send(client, step["http"])
            outcomes.append({"http": {"status": answer["status"], "body": answer["body"]}})
            continue
        if "connect" in step:
            kwargs = {k: step[k] for k in ("headers", "cookies", "subprotocols", "params") if k in step}
            context = client.websocket_connect(step["path"], **kwargs)
            try:
                session = context.__enter__()
            except Exception as exc:
                outcomes.append(failure(exc))
                sessions[step["connect"]] = None
                continue
            sessions[step["connect"]] = session
            outcomes.append({"accepted": True, "subprotocol": session.accepted_subprotocol, "headers": jsonable(session.extra_headers)})
            continue
        name = step.get("ws") or step.get("exit")
        session = sessions.get(name)
        if session is None:
            outcomes.append({"skipped": True})
            continue
        if "exit" in step:
            sessions[name] = None
            try:
                session.__exit__(None, None, None)
                outcomes.append({"ok": True})
            except Exception as exc:
                outcomes.append(failure(exc))
            continue
        try:
            outcomes.append(ws_step(session, step))
        except Exception as exc:
            outcomes.append(failure(exc))
            sessions[name] = None
            with contextlib.suppress(Exception):
                session.__exit__(type(exc), exc, exc.__traceback__)
    for session in sessions.values():
        if session is not None:
            with contextlib.suppress(Exception):
                session.__exit__(None, None, None)
    return outcomes


def send(client, request):
    if isinstance(request, str):
        request = {"path": request}
    if "script" in request:
        return run_script(client, request["script"])
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
