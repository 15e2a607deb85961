# Twin of FastAPI's docs_src/body_updates (tutorial001-002), both in one app, each with
# its own fake database, for tests/fastapi/cases/body_updates.ts. tutorial001 keeps the
# docs' paths; 002 sits under /t002. The cases change the databases: order matters.
from fastapi import FastAPI
from fastapi.encoders import jsonable_encoder
from pydantic import BaseModel

app = FastAPI()


class Item(BaseModel):
    name: str | None = None
    description: str | None = None
    price: float | None = None
    tax: float = 10.5
    tags: list[str] = []


def fresh_items():
    return {
        "foo": {"name": "Foo", "price": 50.2},
        "bar": {"name": "Bar", "description": "The bartenders", "price": 62, "tax": 20.2},
        "baz": {"name": "Baz", "description": None, "price": 50.2, "tax": 10.5, "tags": []},
    }


# tutorial001: PUT replaces
items = fresh_items()


@app.get("/items/{item_id}", response_model=Item)
async def read_item(item_id: str):
    return items[item_id]


@app.put("/items/{item_id}", response_model=Item)
async def update_item(item_id: str, item: Item):
    update_item_encoded = jsonable_encoder(item)
    items[item_id] = update_item_encoded
    return update_item_encoded


# tutorial002: PATCH with exclude_unset
items002 = fresh_items()


@app.get("/t002/items/{item_id}", response_model=Item)
async def read_item_002(item_id: str):
    return items002[item_id]


@app.patch("/t002/items/{item_id}")
async def update_item_002(item_id: str, item: Item) -> Item:
    stored_item_data = items002[item_id]
    stored_item_model = Item(**stored_item_data)
    update_data = item.model_dump(exclude_unset=True)
    updated_item = stored_item_model.model_copy(update=update_data)
    items002[item_id] = jsonable_encoder(updated_item)
    return updated_item
