# Twin of FastAPI's docs_src/request_form_models (tutorial001-002, Annotated), both
# variants in one app, for tests/fastapi/cases/request_form_models.ts. tutorial001 keeps
# the docs' path; 002 sits under /t002.
from typing import Annotated

from fastapi import FastAPI, Form
from pydantic import BaseModel

app = FastAPI()


# tutorial001
class FormData(BaseModel):
    username: str
    password: str


@app.post("/login/")
async def login(data: Annotated[FormData, Form()]):
    return data


# tutorial002: extra fields are forbidden
class FormDataForbid(BaseModel):
    username: str
    password: str
    model_config = {"extra": "forbid"}


@app.post("/t002/login/")
async def login_002(data: Annotated[FormDataForbid, Form()]):
    return data
