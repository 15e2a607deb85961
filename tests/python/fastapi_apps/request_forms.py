# Twin of FastAPI's docs_src/request_forms (tutorial001, Annotated), for
# tests/fastapi/cases/request_forms.ts.
from typing import Annotated

from fastapi import FastAPI, Form

app = FastAPI()


@app.post("/login/")
async def login(username: Annotated[str, Form()], password: Annotated[str, Form()]):
    return {"username": username}
