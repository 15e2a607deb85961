# Twin of FastAPI's docs_src/body (tutorial001-004), with docs_src/strict_content_type
# (an app with strict_content_type=False) as a router on /lenient, for
# tests/fastapi/cases/body.ts. tutorial001 and 003 keep the docs' paths; 002 and 004 sit
# under /t00N.
from fastapi import APIRouter, FastAPI
from pydantic import BaseModel


class Item(BaseModel):
    name: str
    description: str | None = None
    price: float
    tax: float | None = None


app = FastAPI()


# tutorial001
@app.post("/items/")
async def create_item(item: Item):
    return item


# tutorial002
@app.post("/t002/items/")
async def create_item_002(item: Item):
    item_dict = item.model_dump()
    if item.tax is not None:
        price_with_tax = item.price + item.tax
        item_dict.update({"price_with_tax": price_with_tax})
    return item_dict


# tutorial003
@app.put("/items/{item_id}")
async def update_item(item_id: int, item: Item):
    return {"item_id": item_id, **item.model_dump()}


# tutorial004
@app.put("/t004/items/{item_id}")
async def update_item_004(item_id: int, item: Item, q: str | None = None):
    result = {"item_id": item_id, **item.model_dump()}
    if q:
        result.update({"q": q})
    return result


# strict_content_type/tutorial001: a JSON body without a content-type is read as JSON
class LenientItem(BaseModel):
    name: str
    price: float


lenient = APIRouter(prefix="/lenient", strict_content_type=False)


@lenient.post("/items/")
async def create_lenient_item(item: LenientItem):
    return item


app.include_router(lenient)
