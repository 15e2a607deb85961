# Twin of FastAPI's docs_src/body_nested_models (tutorial001-009), every variant in one
# app, for tests/fastapi/cases/body_nested_models.ts. tutorial001-006 (all PUT
# /items/{item_id}) sit under /t00N; 007-009 keep the docs' paths.
# Sets come back in hash order, which differs from insertion order: the cases keep at
# most one distinct tag so both sides can agree.
from fastapi import FastAPI
from pydantic import BaseModel, HttpUrl

app = FastAPI()


# tutorial001: a list of anything
class Item001(BaseModel):
    name: str
    description: str | None = None
    price: float
    tax: float | None = None
    tags: list = []


@app.put("/t001/items/{item_id}")
async def update_item_001(item_id: int, item: Item001):
    results = {"item_id": item_id, "item": item}
    return results


# tutorial002: a list of strings
class Item002(BaseModel):
    name: str
    description: str | None = None
    price: float
    tax: float | None = None
    tags: list[str] = []


@app.put("/t002/items/{item_id}")
async def update_item_002(item_id: int, item: Item002):
    results = {"item_id": item_id, "item": item}
    return results


# tutorial003: a set of strings
class Item003(BaseModel):
    name: str
    description: str | None = None
    price: float
    tax: float | None = None
    tags: set[str] = set()


@app.put("/t003/items/{item_id}")
async def update_item_003(item_id: int, item: Item003):
    results = {"item_id": item_id, "item": item}
    return results


# tutorial004: a nested model
class Image004(BaseModel):
    url: str
    name: str


class Item004(BaseModel):
    name: str
    description: str | None = None
    price: float
    tax: float | None = None
    tags: set[str] = set()
    image: Image004 | None = None


@app.put("/t004/items/{item_id}")
async def update_item_004(item_id: int, item: Item004):
    results = {"item_id": item_id, "item": item}
    return results


# tutorial005: HttpUrl
class Image(BaseModel):
    url: HttpUrl
    name: str


class Item005(BaseModel):
    name: str
    description: str | None = None
    price: float
    tax: float | None = None
    tags: set[str] = set()
    image: Image | None = None


@app.put("/t005/items/{item_id}")
async def update_item_005(item_id: int, item: Item005):
    results = {"item_id": item_id, "item": item}
    return results


# tutorial006: a list of nested models
class Item(BaseModel):
    name: str
    description: str | None = None
    price: float
    tax: float | None = None
    tags: set[str] = set()
    images: list[Image] | None = None


@app.put("/t006/items/{item_id}")
async def update_item_006(item_id: int, item: Item):
    results = {"item_id": item_id, "item": item}
    return results


# tutorial007: deeply nested
class Offer(BaseModel):
    name: str
    description: str | None = None
    price: float
    items: list[Item]


@app.post("/offers/")
async def create_offer(offer: Offer):
    return offer


# tutorial008: a list as the whole body
@app.post("/images/multiple/")
async def create_multiple_images(images: list[Image]):
    return images


# tutorial009: a dict with int keys
@app.post("/index-weights/")
async def create_index_weights(weights: dict[int, float]):
    return weights
