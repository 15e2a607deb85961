# Twin of FastAPI's docs_src/header_params (tutorial001-003, Annotated), every variant
# in one app, for tests/fastapi/cases/header_params.ts. tutorial001 keeps the docs'
# path; 002 and 003 sit under /t00N.
from typing import Annotated

from fastapi import FastAPI, Header

app = FastAPI()


# tutorial001: user_agent reads the User-Agent header
@app.get("/items/")
async def read_items(user_agent: Annotated[str | None, Header()] = None):
    return {"User-Agent": user_agent}


# tutorial002: the name as written, underscore and all
@app.get("/t002/items/")
async def read_items_002(
    strange_header: Annotated[str | None, Header(convert_underscores=False)] = None,
):
    return {"strange_header": strange_header}


# tutorial003: duplicate headers as a list
@app.get("/t003/items/")
async def read_items_003(x_token: Annotated[list[str] | None, Header()] = None):
    return {"X-Token values": x_token}
