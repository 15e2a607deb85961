# Twin of FastAPI's docs_src/body_multiple_params (tutorial001-005, the Annotated
# variants), every variant in one app on /t00N/items/{item_id}, for
# tests/fastapi/cases/body_multiple_params.ts.
from typing import Annotated

from fastapi import Body, FastAPI, Path
from pydantic import BaseModel

app = FastAPI()


class Item(BaseModel):
    name: str
    description: str | None = None
    price: float
    tax: float | None = None


class User(BaseModel):
    username: str
    full_name: str | None = None


# tutorial001: an optional body beside path and query parameters
@app.put("/t001/items/{item_id}")
async def update_item_001(
    item_id: Annotated[int, Path(title="The ID of the item to get", ge=0, le=1000)],
    q: str | None = None,
    item: Item | None = None,
):
    results = {"item_id": item_id}
    if q:
        results.update({"q": q})
    if item:
        results.update({"item": item})
    return results


# tutorial002: two bodies, each under its name
@app.put("/t002/items/{item_id}")
async def update_item_002(item_id: int, item: Item, user: User):
    results = {"item_id": item_id, "item": item, "user": user}
    return results


# tutorial003: a singular value in the body
@app.put("/t003/items/{item_id}")
async def update_item_003(
    item_id: int, item: Item, user: User, importance: Annotated[int, Body()]
):
    results = {"item_id": item_id, "item": item, "user": user, "importance": importance}
    return results


# tutorial004: a constrained singular body value and a query
@app.put("/t004/items/{item_id}")
async def update_item_004(
    *,
    item_id: int,
    item: Item,
    user: User,
    importance: Annotated[int, Body(gt=0)],
    q: str | None = None,
):
    results = {"item_id": item_id, "item": item, "user": user, "importance": importance}
    if q:
        results.update({"q": q})
    return results


# tutorial005: one body, embedded under its name
@app.put("/t005/items/{item_id}")
async def update_item_005(item_id: int, item: Annotated[Item, Body(embed=True)]):
    results = {"item_id": item_id, "item": item}
    return results
