# Twin of FastAPI's docs_src/cookie_param_models (tutorial001-002, Annotated), both
# variants in one app, for tests/fastapi/cases/cookie_param_models.ts. tutorial001 keeps
# the docs' path; 002 sits under /t002.
from typing import Annotated

from fastapi import Cookie, FastAPI
from pydantic import BaseModel

app = FastAPI()


# tutorial001
class Cookies(BaseModel):
    session_id: str
    fatebook_tracker: str | None = None
    googall_tracker: str | None = None


@app.get("/items/")
async def read_items(cookies: Annotated[Cookies, Cookie()]):
    return cookies


# tutorial002: extra cookies are forbidden
class CookiesForbid(BaseModel):
    model_config = {"extra": "forbid"}

    session_id: str
    fatebook_tracker: str | None = None
    googall_tracker: str | None = None


@app.get("/t002/items/")
async def read_items_002(cookies: Annotated[CookiesForbid, Cookie()]):
    return cookies
