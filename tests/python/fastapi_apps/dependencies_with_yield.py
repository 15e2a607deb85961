# Twin of FastAPI's docs_src/dependencies (tutorial007, 008, 008b-008e: dependencies
# with yield), for tests/fastapi/cases/dependencies_with_yield.ts. The docs' fake
# DBSession and print()s become entries in `events`, which GET /events returns and
# clears, so the cases can see the order in which setup, endpoint, exception handling
# and cleanup ran. Each tutorial sits under /tNNN.
import asyncio
from typing import Annotated

from fastapi import BackgroundTasks, Depends, FastAPI, HTTPException
from fastapi.responses import StreamingResponse

app = FastAPI()

events: list[str] = []


@app.get("/events")
async def read_events():
    # The cleanup of the request before may still be running once its response is out.
    await asyncio.sleep(0.05)
    out = list(events)
    events.clear()
    return out


# tutorial007: one dependency with yield
async def get_db():
    events.append("get_db: open")
    try:
        yield "db"
    finally:
        events.append("get_db: close")


@app.get("/t007/items/")
async def read_items_007(db: Annotated[str, Depends(get_db)]):
    events.append(f"endpoint: {db}")
    return {"db": db}


# tutorial008: a chain of three, closed in reverse order
async def dependency_a():
    events.append("a: open")
    try:
        yield "A"
    finally:
        events.append("a: close")


async def dependency_b(dep_a: Annotated[str, Depends(dependency_a)]):
    events.append(f"b: open after {dep_a}")
    try:
        yield "B"
    finally:
        events.append(f"b: close before {dep_a}")


async def dependency_c(dep_b: Annotated[str, Depends(dependency_b)]):
    events.append(f"c: open after {dep_b}")
    try:
        yield "C"
    finally:
        events.append(f"c: close before {dep_b}")


@app.get("/t008/items/")
async def read_items_008(dep_c: Annotated[str, Depends(dependency_c)]):
    events.append(f"endpoint: {dep_c}")
    return {"dep_c": dep_c}


# tutorial008b: an exception turned into an HTTPException by the dependency
data = {
    "plumbus": {"description": "Freshly pickled plumbus", "owner": "Morty"},
    "portal-gun": {"description": "Gun to create portals", "owner": "Rick"},
}


class OwnerError(Exception):
    pass


def get_username_008b():
    try:
        yield "Rick"
    except OwnerError as e:
        events.append(f"get_username: caught OwnerError({e})")
        raise HTTPException(status_code=400, detail=f"Owner error: {e}")
    finally:
        events.append("get_username: finally")


@app.get("/t008b/items/{item_id}")
def get_item_008b(item_id: str, username: Annotated[str, Depends(get_username_008b)]):
    if item_id not in data:
        raise HTTPException(status_code=404, detail="Item not found")
    item = data[item_id]
    if item["owner"] != username:
        raise OwnerError(username)
    return item


# tutorial008c: an exception swallowed by the dependency
class InternalError(Exception):
    pass


def get_username_008c():
    try:
        yield "Rick"
    except InternalError:
        events.append("get_username: swallowed InternalError")


@app.get("/t008c/items/{item_id}")
def get_item_008c(item_id: str, username: Annotated[str, Depends(get_username_008c)]):
    if item_id == "portal-gun":
        raise InternalError(
            f"The portal gun is too dangerous to be owned by {username}"
        )
    if item_id != "plumbus":
        raise HTTPException(
            status_code=404, detail="Item not found, there's only a plumbus here"
        )
    return item_id


# tutorial008d: an exception re-raised by the dependency
def get_username_008d():
    try:
        yield "Rick"
    except InternalError:
        events.append("get_username: re-raising InternalError")
        raise


@app.get("/t008d/items/{item_id}")
def get_item_008d(item_id: str, username: Annotated[str, Depends(get_username_008d)]):
    if item_id == "portal-gun":
        raise InternalError(
            f"The portal gun is too dangerous to be owned by {username}"
        )
    if item_id != "plumbus":
        raise HTTPException(
            status_code=404, detail="Item not found, there's only a plumbus here"
        )
    return item_id


# tutorial008e: scope="function" closes before the response goes out; the default
# ("request") after it. A background task shows which came first.
def get_username_function():
    events.append("function-scoped: open")
    try:
        yield "Rick"
    finally:
        events.append("function-scoped: close")


def get_username_request():
    events.append("request-scoped: open")
    try:
        yield "Morty"
    finally:
        events.append("request-scoped: close")


@app.get("/t008e/users/me")
def get_user_me(
    username: Annotated[str, Depends(get_username_function, scope="function")],
    background_tasks: BackgroundTasks,
):
    background_tasks.add_task(events.append, "background task")
    return username


@app.get("/t008e/users/other")
def get_user_other(
    username: Annotated[str, Depends(get_username_request)],
    background_tasks: BackgroundTasks,
):
    background_tasks.add_task(events.append, "background task")
    return username


# Not in the docs: a dependency that sees an HTTPException and re-raises it
def reraising():
    events.append("reraising: open")
    try:
        yield
    except HTTPException as e:
        events.append(f"reraising: saw HTTPException {e.status_code}")
        raise
    finally:
        events.append("reraising: finally")


@app.get("/reraise/{item_id}", dependencies=[Depends(reraising)])
def read_reraise(item_id: str):
    if item_id != "ok":
        raise HTTPException(status_code=404, detail="Item not found")
    events.append("endpoint: ok")
    return {"item_id": item_id}


# Not in the docs (tutorial013's shape without the database): a dependency with
# yield around a streamed response
def stream_session():
    events.append("session: open")
    try:
        yield "session"
    finally:
        events.append("session: close")


def generate_stream(query: str):
    for ch in query:
        events.append(f"stream: {ch}")
        yield ch


@app.get("/generate", dependencies=[Depends(stream_session)])
def generate(query: str):
    return StreamingResponse(content=generate_stream(query))
