# Sub-dependencies: a dependency used twice in one request runs once, unless use_cache=False.
from typing import Annotated

from fastapi import Depends, FastAPI

app = FastAPI()

calls = {"count": 0}


def get_counter():
    calls["count"] += 1
    return calls["count"]


def get_counter_again(counter: Annotated[int, Depends(get_counter)]):
    return counter


@app.get("/cached/")
async def read_cached(
    first: Annotated[int, Depends(get_counter)],
    second: Annotated[int, Depends(get_counter_again)],
):
    return {"first": first, "second": second}


@app.get("/fresh/")
async def read_fresh(
    first: Annotated[int, Depends(get_counter)],
    second: Annotated[int, Depends(get_counter, use_cache=False)],
):
    return {"first": first, "second": second}
