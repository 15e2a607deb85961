# Static files: serve a directory's files under /static.
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

app = FastAPI()

# FastAPI's sample says directory="static", a folder of the working directory; here the
# folder beside this file, wherever it is run from.
app.mount("/static", StaticFiles(directory=Path(__file__).parent / "static"), name="static")
