# Twin of FastAPI's docs_src/path_params (tutorial001-005), every variant in one app,
# for tests/fastapi/cases/path_params.ts. tutorial001 sits under /t001 (its path is
# tutorial002's); the rest keep the docs' paths.
from enum import Enum

from fastapi import FastAPI


class ModelName(str, Enum):
    alexnet = "alexnet"
    resnet = "resnet"
    lenet = "lenet"


app = FastAPI()


# tutorial001: no type, the raw string
@app.get("/t001/items/{item_id}")
async def read_item_untyped(item_id):
    return {"item_id": item_id}


# tutorial002
@app.get("/items/{item_id}")
async def read_item(item_id: int):
    return {"item_id": item_id}


# tutorial003: the fixed path first
@app.get("/users/me")
async def read_user_me():
    return {"user_id": "the current user"}


@app.get("/users/{user_id}")
async def read_user(user_id: str):
    return {"user_id": user_id}


# tutorial003b: the first of two routes on one path wins
@app.get("/users")
async def read_users():
    return ["Rick", "Morty"]


@app.get("/users")
async def read_users2():
    return ["Bean", "Elfo"]


# tutorial004
@app.get("/files/{file_path:path}")
async def read_file(file_path: str):
    return {"file_path": file_path}


# tutorial005
@app.get("/models/{model_name}")
async def get_model(model_name: ModelName):
    if model_name is ModelName.alexnet:
        return {"model_name": model_name, "message": "Deep Learning FTW!"}

    if model_name.value == "lenet":
        return {"model_name": model_name, "message": "LeCNN all the images"}

    return {"model_name": model_name, "message": "Have some residuals"}
