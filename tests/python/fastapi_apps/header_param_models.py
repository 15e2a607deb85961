# Twin of FastAPI's docs_src/header_param_models (tutorial001-003, Annotated), every
# variant in one app, for tests/fastapi/cases/header_param_models.ts. tutorial001 keeps
# the docs' path; 002 and 003 sit under /t00N.
from typing import Annotated

from fastapi import FastAPI, Header
from pydantic import BaseModel

app = FastAPI()


# tutorial001
class CommonHeaders(BaseModel):
    host: str
    save_data: bool
    if_modified_since: str | None = None
    traceparent: str | None = None
    x_tag: list[str] = []


@app.get("/items/")
async def read_items(headers: Annotated[CommonHeaders, Header()]):
    return headers


# tutorial002: extra headers are forbidden
class CommonHeadersForbid(BaseModel):
    model_config = {"extra": "forbid"}

    host: str
    save_data: bool
    if_modified_since: str | None = None
    traceparent: str | None = None
    x_tag: list[str] = []


@app.get("/t002/items/")
async def read_items_002(headers: Annotated[CommonHeadersForbid, Header()]):
    return headers


# tutorial003: the names as written, underscores and all
@app.get("/t003/items/")
async def read_items_003(
    headers: Annotated[CommonHeaders, Header(convert_underscores=False)],
):
    return headers
