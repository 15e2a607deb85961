# Twin of FastAPI's docs_src/cookie_params (tutorial001, Annotated), for
# tests/fastapi/cases/cookie_params.ts.
from typing import Annotated

from fastapi import Cookie, FastAPI

app = FastAPI()


@app.get("/items/")
async def read_items(ads_id: Annotated[str | None, Cookie()] = None):
    return {"ads_id": ads_id}
