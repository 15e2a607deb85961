# Twin of FastAPI's docs_src/stream_json_lines (tutorial001), for
# tests/fastapi/cases/stream_json_lines.ts. A generator endpoint streams
# application/jsonl: items pydantic serializes (compact) when the return annotation
# names their type, json.dumps (with ", " and ": ") when it does not. Not in the docs,
# marked below: an item that fails the annotation mid-stream, and a query parameter
# checked before the stream starts.
from collections.abc import AsyncIterable, Iterable

from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()


class Item(BaseModel):
    name: str
    description: str | None


items = [
    Item(name="Plumbus", description="A multi-purpose household device."),
    Item(name="Portal Gun", description="A portal opening device."),
    Item(name="Meeseeks Box", description="A box that summons a Meeseeks."),
]


@app.get("/items/stream")
async def stream_items() -> AsyncIterable[Item]:
    for item in items:
        yield item


@app.get("/items/stream-no-async")
def stream_items_no_async() -> Iterable[Item]:
    for item in items:
        yield item


@app.get("/items/stream-no-annotation")
async def stream_items_no_annotation():
    for item in items:
        yield item


@app.get("/items/stream-no-async-no-annotation")
def stream_items_no_async_no_annotation():
    for item in items:
        yield item


# Not in the docs: dicts validated against the annotation, the second one invalid
@app.get("/items/stream-invalid")
async def stream_items_invalid() -> AsyncIterable[Item]:
    yield {"name": "Plumbus", "description": None}
    yield {"name": "Portal Gun"}


# Not in the docs: a query parameter, validated before anything streams
@app.get("/items/stream-limit")
async def stream_items_limit(limit: int = 3) -> AsyncIterable[Item]:
    for item in items[:limit]:
        yield item
