# Twin of FastAPI's docs_src/query_params (tutorial001-006), every variant in one app,
# for tests/fastapi/cases/query_params.ts. tutorial001 and 004 keep the docs' paths;
# 002, 003, 005 and 006 (all on /items/{item_id}) sit under /t00N.
from fastapi import FastAPI

app = FastAPI()

fake_items_db = [{"item_name": "Foo"}, {"item_name": "Bar"}, {"item_name": "Baz"}]


# tutorial001: defaults
@app.get("/items/")
async def read_items(skip: int = 0, limit: int = 10):
    return fake_items_db[skip : skip + limit]


# tutorial002: optional
@app.get("/t002/items/{item_id}")
async def read_item_002(item_id: str, q: str | None = None):
    if q:
        return {"item_id": item_id, "q": q}
    return {"item_id": item_id}


# tutorial003: bool conversion
@app.get("/t003/items/{item_id}")
async def read_item_003(item_id: str, q: str | None = None, short: bool = False):
    item = {"item_id": item_id}
    if q:
        item.update({"q": q})
    if not short:
        item.update(
            {"description": "This is an amazing item that has a long description"}
        )
    return item


# tutorial004: several path and query parameters
@app.get("/users/{user_id}/items/{item_id}")
async def read_user_item(
    user_id: int, item_id: str, q: str | None = None, short: bool = False
):
    item = {"item_id": item_id, "owner_id": user_id}
    if q:
        item.update({"q": q})
    if not short:
        item.update(
            {"description": "This is an amazing item that has a long description"}
        )
    return item


# tutorial005: required
@app.get("/t005/items/{item_id}")
async def read_user_item_005(item_id: str, needy: str):
    item = {"item_id": item_id, "needy": needy}
    return item


# tutorial006: required, default, optional
@app.get("/t006/items/{item_id}")
async def read_user_item_006(
    item_id: str, needy: str, skip: int = 0, limit: int | None = None
):
    item = {"item_id": item_id, "needy": needy, "skip": skip, "limit": limit}
    return item
