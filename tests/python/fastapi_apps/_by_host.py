# Every twin in this folder in one process, chosen by the request's Host header (its
# module name): lets differential.test.ts check all the case lists against FastAPI
# without starting one uvicorn per chapter. Paths and root_path reach each app as they
# would alone; only Host differs (so do absolute redirect URLs).
import importlib
from pathlib import Path

apps = {
    path.stem: importlib.import_module(path.stem).app
    for path in sorted(Path(__file__).parent.glob("*.py"))
    if not path.stem.startswith("_")
}


async def app(scope, receive, send):
    if scope["type"] == "lifespan":
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            else:
                await send({"type": "lifespan.shutdown.complete"})
                return
    host = dict(scope["headers"]).get(b"host", b"").decode("latin-1").split(":")[0]
    if host not in apps:
        raise LookupError(f"no twin named {host!r}: Host must be a module name")
    await apps[host](scope, receive, send)
