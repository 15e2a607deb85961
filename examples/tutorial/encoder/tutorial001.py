# JSON Compatible Encoder: jsonable_encoder turns a model with a datetime into plain JSON data.
from datetime import datetime

from fastapi import FastAPI
from fastapi.encoders import jsonable_encoder
from pydantic import BaseModel

fake_db = {}


class Item(BaseModel):
    title: str
    timestamp: datetime
    description: str | None = None


app = FastAPI()


@app.put("/items/{id}")
def update_item(id: str, item: Item):
    json_compatible_item_data = jsonable_encoder(item)
    fake_db[id] = json_compatible_item_data


# Not in FastAPI's sample: shows what was stored.
@app.get("/items/{id}")
def read_item(id: str):
    return fake_db[id]
