# Not a tutorial twin: configured from the environment by its own test, so it has no case file
# and the Host-dispatching app (_by_host.py) leaves it out (the leading underscore).
# The Python side of tests/staticfiles_differential.test.ts: Starlette's StaticFiles and
# FileResponse over the directory the test made (STARLETTE_TS_STATIC_DIR), beside the same
# app in starlette-ts. Content types come from mimetypes' built-in tables only, as
# starlette-ts has them, not from this machine's /etc/mime.types.
import mimetypes
import os

mimetypes._db = mimetypes.MimeTypes()

from starlette.applications import Starlette  # noqa: E402
from starlette.responses import FileResponse  # noqa: E402
from starlette.routing import Mount, Route  # noqa: E402
from starlette.staticfiles import StaticFiles  # noqa: E402

DIR = os.environ["STARLETTE_TS_STATIC_DIR"]
STATICS = os.path.join(DIR, "statics")


async def file(request):
    q = request.query_params
    return FileResponse(
        os.path.join(STATICS, request.path_params["name"]),
        status_code=int(q.get("status", "200")),
        headers={"etag": q["etag"]} if "etag" in q else None,
        filename=q.get("filename"),
        content_disposition_type=q.get("disposition", "attachment"),
    )


app = Starlette(
    routes=[
        Route("/file/{name:path}", file),
        Mount("/static", StaticFiles(directory=STATICS), name="static"),
        Mount("/html", StaticFiles(directory=STATICS, html=True)),
        Mount("/follow", StaticFiles(directory=STATICS, follow_symlink=True)),
        Mount("/linked", StaticFiles(directory=os.path.join(DIR, "linked"))),
    ]
)
