# Twin of FastAPI's docs_src/server_sent_events (tutorial001-005), every variant in one
# app, for tests/fastapi/cases/server_sent_events.ts. tutorial001 keeps the docs'
# paths; 002 and 004 (also /items/stream) sit under /t00N; 003 and 005 keep theirs.
# Plain items are JSON in the data field: pydantic's compact JSON when the return
# annotation names their type, json.dumps (", " and ": ") when it does not.
from collections.abc import AsyncIterable, Iterable
from typing import Annotated

from fastapi import FastAPI, Header
from fastapi.sse import EventSourceResponse, ServerSentEvent
from pydantic import BaseModel

app = FastAPI()


# tutorial001: items as events
class Item(BaseModel):
    name: str
    description: str | None


items = [
    Item(name="Plumbus", description="A multi-purpose household device."),
    Item(name="Portal Gun", description="A portal opening device."),
    Item(name="Meeseeks Box", description="A box that summons a Meeseeks."),
]


@app.get("/items/stream", response_class=EventSourceResponse)
async def sse_items() -> AsyncIterable[Item]:
    for item in items:
        yield item


@app.get("/items/stream-no-async", response_class=EventSourceResponse)
def sse_items_no_async() -> Iterable[Item]:
    for item in items:
        yield item


@app.get("/items/stream-no-annotation", response_class=EventSourceResponse)
async def sse_items_no_annotation():
    for item in items:
        yield item


@app.get("/items/stream-no-async-no-annotation", response_class=EventSourceResponse)
def sse_items_no_async_no_annotation():
    for item in items:
        yield item


# tutorial002: ServerSentEvent with comment, event, id and retry
class PricedItem(BaseModel):
    name: str
    price: float


priced_items = [
    PricedItem(name="Plumbus", price=32.99),
    PricedItem(name="Portal Gun", price=999.99),
    PricedItem(name="Meeseeks Box", price=49.99),
]


@app.get("/t002/items/stream", response_class=EventSourceResponse)
async def stream_items_002() -> AsyncIterable[ServerSentEvent]:
    yield ServerSentEvent(comment="stream of item updates")
    for i, item in enumerate(priced_items):
        yield ServerSentEvent(data=item, event="item_update", id=str(i + 1), retry=5000)


# tutorial003: raw_data
@app.get("/logs/stream", response_class=EventSourceResponse)
async def stream_logs() -> AsyncIterable[ServerSentEvent]:
    logs = [
        "2025-01-01 INFO  Application started",
        "2025-01-01 DEBUG Connected to database",
        "2025-01-01 WARN  High memory usage detected",
    ]
    for log_line in logs:
        yield ServerSentEvent(raw_data=log_line)


# tutorial004: resuming from Last-Event-ID
@app.get("/t004/items/stream", response_class=EventSourceResponse)
async def stream_items_004(
    last_event_id: Annotated[int | None, Header()] = None,
) -> AsyncIterable[ServerSentEvent]:
    start = last_event_id + 1 if last_event_id is not None else 0
    for i, item in enumerate(priced_items):
        if i < start:
            continue
        yield ServerSentEvent(data=item, id=str(i))


# tutorial005: POST with a body
class Prompt(BaseModel):
    text: str


@app.post("/chat/stream", response_class=EventSourceResponse)
async def stream_chat(prompt: Prompt) -> AsyncIterable[ServerSentEvent]:
    words = prompt.text.split()
    for word in words:
        yield ServerSentEvent(data=word, event="token")
    yield ServerSentEvent(raw_data="[DONE]", event="done")


# Not in the docs: multi-line raw data and comments are split into one field per line
@app.get("/multiline/stream", response_class=EventSourceResponse)
async def stream_multiline() -> AsyncIterable[ServerSentEvent]:
    yield ServerSentEvent(comment="first\nsecond", raw_data="line 1\r\nline 2\rline 3")
    yield ServerSentEvent(data={"text": "a\nb"}, event="json")
    yield ServerSentEvent()
