# Twin of FastAPI's docs_src/extra_models (tutorial001-005), every variant in one app,
# for tests/fastapi/cases/extra_models.ts. tutorial001 and 002 (both POST /user/) sit
# under /t00N; 003-005 keep the docs' paths. EmailStr needs email-validator, which the
# venv lacks: `email` is a plain str (the TS twin should take any string too).
from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()


def fake_password_hasher(raw_password: str):
    return "supersecret" + raw_password


# tutorial001: three separate models
class UserIn(BaseModel):
    username: str
    password: str
    email: str
    full_name: str | None = None


class UserOut(BaseModel):
    username: str
    email: str
    full_name: str | None = None


class UserInDB(BaseModel):
    username: str
    hashed_password: str
    email: str
    full_name: str | None = None


def fake_save_user(user_in: UserIn):
    hashed_password = fake_password_hasher(user_in.password)
    user_in_db = UserInDB(**user_in.model_dump(), hashed_password=hashed_password)
    print("User saved! ..not really")
    return user_in_db


@app.post("/t001/user/", response_model=UserOut)
async def create_user_001(user_in: UserIn):
    user_saved = fake_save_user(user_in)
    return user_saved


# tutorial002: a shared base
class UserBase(BaseModel):
    username: str
    email: str
    full_name: str | None = None


class UserIn002(UserBase):
    password: str


class UserOut002(UserBase):
    pass


class UserInDB002(UserBase):
    hashed_password: str


def fake_save_user_002(user_in: UserIn002):
    hashed_password = fake_password_hasher(user_in.password)
    user_in_db = UserInDB002(**user_in.model_dump(), hashed_password=hashed_password)
    print("User saved! ..not really")
    return user_in_db


@app.post("/t002/user/", response_model=UserOut002)
async def create_user_002(user_in: UserIn002):
    user_saved = fake_save_user_002(user_in)
    return user_saved


# tutorial003: a union response model
class BaseItem(BaseModel):
    description: str
    type: str


class CarItem(BaseItem):
    type: str = "car"


class PlaneItem(BaseItem):
    type: str = "plane"
    size: int


items = {
    "item1": {"description": "All my friends drive a low rider", "type": "car"},
    "item2": {
        "description": "Music is my aeroplane, it's my aeroplane",
        "type": "plane",
        "size": 5,
    },
}


@app.get("/items/{item_id}", response_model=PlaneItem | CarItem)
async def read_item(item_id: str):
    return items[item_id]


# tutorial004: a list response model
class Item(BaseModel):
    name: str
    description: str


list_items = [
    {"name": "Foo", "description": "There comes my hero"},
    {"name": "Red", "description": "It's my aeroplane"},
]


@app.get("/items/", response_model=list[Item])
async def read_items():
    return list_items


# tutorial005: a dict response model
@app.get("/keyword-weights/", response_model=dict[str, float])
async def read_keyword_weights():
    return {"foo": 2.3, "bar": 3.4}
