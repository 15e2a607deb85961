"""Runs an example FastAPI app from examples/python/ with Starlette's TestClient.

Input: {"module": path, "requests": [paths]}. Output: per request, what the app
printed, the status and the body (or the exception's text).
"""
import contextlib
import importlib.util
import io
import json
import sys
import warnings

# Starlette 1.x prefers httpx2 for its TestClient; the wheels hold httpx, which still works.
warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient` is deprecated")
from starlette.testclient import TestClient  # noqa: E402


def main():
    spec = json.load(sys.stdin)
    loader = importlib.util.spec_from_file_location("example", spec["module"])
    module = importlib.util.module_from_spec(loader)
    loader.loader.exec_module(module)
    client = TestClient(module.app, raise_server_exceptions=False)
    out = []
    for path in spec["requests"]:
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            response = client.get(path)
        out.append({"printed": printed.getvalue(), "status": response.status_code, "body": response.text})
    json.dump(out, sys.stdout)


main()
