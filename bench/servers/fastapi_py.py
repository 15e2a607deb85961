"""FastAPI with pydantic validation, the system starlette-ts's FastAPI layer ports; run with uvicorn, one worker."""
from typing import Annotated

from fastapi import FastAPI, Query
from pydantic import BaseModel, Field


class Item(BaseModel):
    name: str = Field(min_length=1, max_length=50)
    description: str | None = None
    price: float = Field(gt=0)
    tax: float | None = None
    tags: list[str] = []
    in_stock: bool


app = FastAPI()


@app.post("/items")
async def create_item(item: Item):
    return item


@app.get("/search")
async def search(
    q: Annotated[str, Query(min_length=2)],
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
    offset: Annotated[int, Query(ge=0)] = 0,
):
    return {"q": q, "limit": limit, "offset": offset}
