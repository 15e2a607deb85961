# Twin of FastAPI's docs_src/query_param_models (tutorial001-002, Annotated), both variants
# in one app, for tests/fastapi/cases/query_param_models.ts. tutorial001 keeps the docs'
# path; 002 sits under /t002.
from typing import Annotated, Literal

from fastapi import FastAPI, Query
from pydantic import BaseModel, Field

app = FastAPI()


# tutorial001
class FilterParams(BaseModel):
    limit: int = Field(100, gt=0, le=100)
    offset: int = Field(0, ge=0)
    order_by: Literal["created_at", "updated_at"] = "created_at"
    tags: list[str] = []


@app.get("/items/")
async def read_items(filter_query: Annotated[FilterParams, Query()]):
    return filter_query


# tutorial002: extra query parameters are forbidden
class FilterParamsForbid(BaseModel):
    model_config = {"extra": "forbid"}

    limit: int = Field(100, gt=0, le=100)
    offset: int = Field(0, ge=0)
    order_by: Literal["created_at", "updated_at"] = "created_at"
    tags: list[str] = []


@app.get("/t002/items/")
async def read_items_002(filter_query: Annotated[FilterParamsForbid, Query()]):
    return filter_query
