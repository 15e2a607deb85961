# What FastAPI serves at /openapi.json, /docs and /redoc, for tests/fastapi/openapi: the tutorial
# twins of tests/python/fastapi_apps by module name, or apps defined by source snippets (each
# snippet defines `app`); /openapi.json both parsed and as its text. Input on stdin: {"chapters": [...], "snippets": {name: source},
# "root_path": ""}; output: {name: {"status": ..., "openapi": ..., "docs": ..., "redoc": ...}} or
# {name: {"error": "..."}} when building the document raises.
import importlib
import json
import os
import sys
import warnings

from fastapi.testclient import TestClient

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "fastapi_apps"))
sys.dont_write_bytecode = True


def fetch(app, root_path):
    out = {}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        client = TestClient(app, root_path=root_path)
        try:
            response = client.get("/openapi.json")
        except Exception as exc:  # noqa: BLE001 - the error is the answer
            return {"error": f"{type(exc).__name__}: {exc}"}
        out["status"] = response.status_code
        out["openapi"] = response.json() if response.status_code == 200 else None
        # The body as served, for the byte-for-byte comparison (key order, Python's floats).
        out["openapi_text"] = response.text if response.status_code == 200 else None
        out["warnings"] = [str(w.message) for w in caught]
    for page in ("docs", "redoc", "docs/oauth2-redirect"):
        r = client.get("/" + page)
        out[page] = r.text if r.status_code == 200 else None
    return out


def main():
    request = json.load(sys.stdin)
    root_path = request.get("root_path", "")
    result = {}
    for name in request.get("chapters", []):
        result[name] = fetch(importlib.import_module(name).app, root_path)
    for name, source in request.get("snippets", {}).items():
        namespace = {"__name__": f"snippet_{name}"}
        exec(compile(source, f"<snippet {name}>", "exec"), namespace)
        result[name] = fetch(namespace["app"], root_path)
    json.dump(result, sys.stdout)


main()
