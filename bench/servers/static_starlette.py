"""Python Starlette's StaticFiles (the venv's 1.7.0) under uvicorn, one worker."""
import os

from starlette.applications import Starlette
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

app = Starlette(routes=[Mount("/static", app=StaticFiles(directory=os.environ["STATIC_DIR"]), name="static")])
