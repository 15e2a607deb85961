# Twin of FastAPI's docs_src/response_model (tutorial001-006), every variant in one app
# under /tNNN, for tests/fastapi/cases/response_model.ts.
# EmailStr needs the email-validator package, which the venv lacks: `email` is a plain
# str here (the TS twin should take any string too). tutorial003_04 is left out: its
# `-> Response | dict` is the docs' example of an annotation FastAPI refuses at startup.
from typing import Any

from fastapi import FastAPI, Response
from fastapi.responses import JSONResponse, RedirectResponse
from pydantic import BaseModel

app = FastAPI()


class Item(BaseModel):
    name: str
    description: str | None = None
    price: float
    tax: float | None = None
    tags: list[str] = []


# tutorial001_01: return annotations
@app.post("/t001_01/items/")
async def create_item_001_01(item: Item) -> Item:
    return item


@app.get("/t001_01/items/")
async def read_items_001_01() -> list[Item]:
    return [
        Item(name="Portal Gun", price=42.0),
        Item(name="Plumbus", price=32.0),
    ]


# tutorial001: response_model=
@app.post("/t001/items/", response_model=Item)
async def create_item_001(item: Item) -> Any:
    return item


@app.get("/t001/items/", response_model=list[Item])
async def read_items_001() -> Any:
    return [
        {"name": "Portal Gun", "price": 42.0},
        {"name": "Plumbus", "price": 32.0},
    ]


# tutorial002: the input model as output (the docs' "don't do this")
class UserIn(BaseModel):
    username: str
    password: str
    email: str
    full_name: str | None = None


@app.post("/t002/user/")
async def create_user_002(user: UserIn) -> UserIn:
    return user


# tutorial003: response_model filters the password out
class UserOut(BaseModel):
    username: str
    email: str
    full_name: str | None = None


@app.post("/t003/user/", response_model=UserOut)
async def create_user_003(user: UserIn) -> Any:
    return user


# tutorial003_01: a base class as the return annotation
class BaseUser(BaseModel):
    username: str
    email: str
    full_name: str | None = None


class UserIn01(BaseUser):
    password: str


@app.post("/t003_01/user/")
async def create_user_003_01(user: UserIn01) -> BaseUser:
    return user


# tutorial003_02: a Response annotation
@app.get("/t003_02/portal")
async def get_portal_003_02(teleport: bool = False) -> Response:
    if teleport:
        return RedirectResponse(url="https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    return JSONResponse(content={"message": "Here's your interdimensional portal."})


# tutorial003_03: a Response subclass annotation
@app.get("/t003_03/teleport")
async def get_teleport() -> RedirectResponse:
    return RedirectResponse(url="https://www.youtube.com/watch?v=dQw4w9WgXcQ")


# tutorial003_05: response_model=None beside a union annotation
@app.get("/t003_05/portal", response_model=None)
async def get_portal_003_05(teleport: bool = False) -> Response | dict:
    if teleport:
        return RedirectResponse(url="https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    return {"message": "Here's your interdimensional portal."}


# tutorial004: response_model_exclude_unset
class Item004(BaseModel):
    name: str
    description: str | None = None
    price: float
    tax: float = 10.5
    tags: list[str] = []


items004 = {
    "foo": {"name": "Foo", "price": 50.2},
    "bar": {"name": "Bar", "description": "The bartenders", "price": 62, "tax": 20.2},
    "baz": {"name": "Baz", "description": None, "price": 50.2, "tax": 10.5, "tags": []},
}


@app.get(
    "/t004/items/{item_id}", response_model=Item004, response_model_exclude_unset=True
)
async def read_item_004(item_id: str):
    return items004[item_id]


# tutorial005 (sets) and tutorial006 (lists): include and exclude
class Item005(BaseModel):
    name: str
    description: str | None = None
    price: float
    tax: float = 10.5


items005 = {
    "foo": {"name": "Foo", "price": 50.2},
    "bar": {"name": "Bar", "description": "The Bar fighters", "price": 62, "tax": 20.2},
    "baz": {
        "name": "Baz",
        "description": "There goes my baz",
        "price": 50.2,
        "tax": 10.5,
    },
}


@app.get(
    "/t005/items/{item_id}/name",
    response_model=Item005,
    response_model_include={"name", "description"},
)
async def read_item_name_005(item_id: str):
    return items005[item_id]


@app.get(
    "/t005/items/{item_id}/public",
    response_model=Item005,
    response_model_exclude={"tax"},
)
async def read_item_public_data_005(item_id: str):
    return items005[item_id]


@app.get(
    "/t006/items/{item_id}/name",
    response_model=Item005,
    response_model_include=["name", "description"],
)
async def read_item_name_006(item_id: str):
    return items005[item_id]


@app.get(
    "/t006/items/{item_id}/public",
    response_model=Item005,
    response_model_exclude=["tax"],
)
async def read_item_public_data_006(item_id: str):
    return items005[item_id]
