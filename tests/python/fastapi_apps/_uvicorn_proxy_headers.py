# Not a tutorial twin: configured from the environment by its own test, so it has no case file
# and the Host-dispatching app (_by_host.py) leaves it out (the leading underscore).
# The Python side of tests/proxy_headers.test.ts: a bare ASGI app that answers with the
# scheme and client uvicorn's ProxyHeadersMiddleware left in its scope (uvicorn reads
# FORWARDED_ALLOW_IPS from the environment the test starts it with).
import json


async def app(scope, receive, send):
    if scope["type"] != "http":
        return
    body = json.dumps({"scheme": scope["scheme"], "client": list(scope["client"])}).encode()
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"application/json")]})
    await send({"type": "http.response.body", "body": body})
