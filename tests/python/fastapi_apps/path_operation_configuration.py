# Twin of FastAPI's docs_src/path_operation_configuration (tutorial001-006, 002b),
# every variant in one app under /tNNN, for
# tests/fastapi/cases/path_operation_configuration.ts. Most of what the chapter sets
# (tags, summary, description, response_description, deprecated) shows only in
# /openapi.json. Sets come back in hash order: the cases keep one distinct tag.
from enum import Enum

from fastapi import FastAPI, status
from pydantic import BaseModel

app = FastAPI()


class Item(BaseModel):
    name: str
    description: str | None = None
    price: float
    tax: float | None = None
    tags: set[str] = set()


# tutorial001: status_code
@app.post("/t001/items/", status_code=status.HTTP_201_CREATED)
async def create_item_001(item: Item) -> Item:
    return item


# tutorial002: tags
@app.post("/t002/items/", tags=["items"])
async def create_item_002(item: Item) -> Item:
    return item


@app.get("/t002/items/", tags=["items"])
async def read_items_002():
    return [{"name": "Foo", "price": 42}]


@app.get("/t002/users/", tags=["users"])
async def read_users_002():
    return [{"username": "johndoe"}]


# tutorial002b: tags from an Enum
class Tags(Enum):
    items = "items"
    users = "users"


@app.get("/t002b/items/", tags=[Tags.items])
async def get_items_002b():
    return ["Portal gun", "Plumbus"]


@app.get("/t002b/users/", tags=[Tags.users])
async def read_users_002b():
    return ["Rick", "Morty"]


# tutorial003: summary and description
@app.post(
    "/t003/items/",
    summary="Create an item",
    description="Create an item with all the information, name, description, price, tax and a set of unique tags",
)
async def create_item_003(item: Item) -> Item:
    return item


# tutorial004: description from the docstring
@app.post("/t004/items/", summary="Create an item")
async def create_item_004(item: Item) -> Item:
    """
    Create an item with all the information:

    - **name**: each item must have a name
    - **description**: a long description
    - **price**: required
    - **tax**: if the item doesn't have tax, you can omit this
    - **tags**: a set of unique tag strings for this item
    """
    return item


# tutorial005: response_description
@app.post(
    "/t005/items/",
    summary="Create an item",
    response_description="The created item",
)
async def create_item_005(item: Item) -> Item:
    """
    Create an item with all the information:

    - **name**: each item must have a name
    - **description**: a long description
    - **price**: required
    - **tax**: if the item doesn't have tax, you can omit this
    - **tags**: a set of unique tag strings for this item
    """
    return item


# tutorial006: deprecated
@app.get("/t006/items/", tags=["items"])
async def read_items_006():
    return [{"name": "Foo", "price": 42}]


@app.get("/t006/users/", tags=["users"])
async def read_users_006():
    return [{"username": "johndoe"}]


@app.get("/t006/elements/", tags=["items"], deprecated=True)
async def read_elements_006():
    return [{"item_id": "Foo"}]
