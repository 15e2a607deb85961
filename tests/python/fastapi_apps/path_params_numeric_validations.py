# Twin of FastAPI's docs_src/path_params_numeric_validations (tutorial001-006, the
# Annotated variants), every variant in one app on /t00N/items/{item_id}, for
# tests/fastapi/cases/path_params_numeric_validations.ts.
from typing import Annotated

from fastapi import FastAPI, Path, Query

app = FastAPI()


@app.get("/t001/items/{item_id}")
async def read_items_001(
    item_id: Annotated[int, Path(title="The ID of the item to get")],
    q: Annotated[str | None, Query(alias="item-query")] = None,
):
    results = {"item_id": item_id}
    if q:
        results.update({"q": q})
    return results


@app.get("/t002/items/{item_id}")
async def read_items_002(
    q: str, item_id: Annotated[int, Path(title="The ID of the item to get")]
):
    results = {"item_id": item_id}
    if q:
        results.update({"q": q})
    return results


@app.get("/t003/items/{item_id}")
async def read_items_003(
    item_id: Annotated[int, Path(title="The ID of the item to get")], q: str
):
    results = {"item_id": item_id}
    if q:
        results.update({"q": q})
    return results


@app.get("/t004/items/{item_id}")
async def read_items_004(
    item_id: Annotated[int, Path(title="The ID of the item to get", ge=1)], q: str
):
    results = {"item_id": item_id}
    if q:
        results.update({"q": q})
    return results


@app.get("/t005/items/{item_id}")
async def read_items_005(
    item_id: Annotated[int, Path(title="The ID of the item to get", gt=0, le=1000)],
    q: str,
):
    results = {"item_id": item_id}
    if q:
        results.update({"q": q})
    return results


@app.get("/t006/items/{item_id}")
async def read_items_006(
    *,
    item_id: Annotated[int, Path(title="The ID of the item to get", ge=0, le=1000)],
    q: str,
    size: Annotated[float, Query(gt=0, lt=10.5)],
):
    results = {"item_id": item_id}
    if q:
        results.update({"q": q})
    if size:
        results.update({"size": size})
    return results
