"""The real Starlette SessionMiddleware, for tests/middleware/sessions_interop.test.ts.

For each case: sets the session with Starlette (clock pinned) and reports the
Set-Cookie; reads the cookie starlette-ts set and reports the session it sees.
"""
import json
import sys
import warnings

import itsdangerous
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
# Starlette 1.x prefers httpx2 for its TestClient; the wheels hold httpx, which still works.
warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient` is deprecated")
from starlette.testclient import TestClient  # noqa: E402


async def set_session(request: Request):
    request.session.update(await request.json())
    return JSONResponse({"ok": True})


async def view_session(request: Request):
    return JSONResponse({"session": dict(request.session)})


def main():
    cases = json.load(sys.stdin)
    out = []
    for case in cases:
        itsdangerous.TimestampSigner.get_timestamp = lambda self, now=case["now"]: now
        app = Starlette(
            routes=[Route("/set", set_session, methods=["POST"]), Route("/view", view_session)],
            middleware=[Middleware(SessionMiddleware, secret_key=case["secret"])],
        )
        client = TestClient(app)
        response = client.post("/set", content=case["session_json"].encode("utf-8"), headers={"content-type": "application/json"})
        set_cookie = response.headers.get("set-cookie")
        client.cookies.clear()
        seen = client.get("/view", headers={"cookie": "session=" + case["their_cookie"]}).json()["session"]
        out.append({"set_cookie": set_cookie, "seen": seen})
    json.dump(out, sys.stdout)


main()
