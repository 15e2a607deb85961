# Twin of FastAPI's docs_src/handling_errors (tutorial001-006), for
# tests/fastapi/cases/handling_errors.ts. tutorial001-003 share the main app (their
# paths differ). tutorial004-006 replace app-wide handlers, so each is its own FastAPI
# app mounted under /t00N. Not in the docs, marked below: an HTTPException whose detail
# is a dict, and one with a WWW-Authenticate header.
from fastapi import FastAPI, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exception_handlers import (
    http_exception_handler,
    request_validation_exception_handler,
)
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

app = FastAPI()

items = {"foo": "The Foo Wrestlers"}


# tutorial001
@app.get("/items/{item_id}")
async def read_item(item_id: str):
    if item_id not in items:
        raise HTTPException(status_code=404, detail="Item not found")
    return {"item": items[item_id]}


# tutorial002: custom headers
@app.get("/items-header/{item_id}")
async def read_item_header(item_id: str):
    if item_id not in items:
        raise HTTPException(
            status_code=404,
            detail="Item not found",
            headers={"X-Error": "There goes my error"},
        )
    return {"item": items[item_id]}


# tutorial003: a custom exception handler
class UnicornException(Exception):
    def __init__(self, name: str):
        self.name = name


@app.exception_handler(UnicornException)
async def unicorn_exception_handler(request: Request, exc: UnicornException):
    return JSONResponse(
        status_code=418,
        content={"message": f"Oops! {exc.name} did something. There goes a rainbow..."},
    )


@app.get("/unicorns/{name}")
async def read_unicorn(name: str):
    if name == "yolo":
        raise UnicornException(name=name)
    return {"unicorn_name": name}


# Not in the docs: detail as a dict
@app.get("/items-dict/{item_id}")
async def read_item_dict(item_id: str):
    if item_id not in items:
        raise HTTPException(
            status_code=404, detail={"error": "Item not found", "item_id": item_id}
        )
    return {"item": items[item_id]}


# Not in the docs: a 401 with WWW-Authenticate
@app.get("/secure")
async def secure(token: str | None = None):
    if token != "secret":
        raise HTTPException(
            status_code=401,
            detail="Not authenticated",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return {"ok": True}


# tutorial004: both handlers replaced by plain text
app004 = FastAPI()


@app004.exception_handler(StarletteHTTPException)
async def http_exception_handler_004(request, exc):
    return PlainTextResponse(str(exc.detail), status_code=exc.status_code)


@app004.exception_handler(RequestValidationError)
async def validation_exception_handler_004(request, exc: RequestValidationError):
    message = "Validation errors:"
    for error in exc.errors():
        message += f"\nField: {error['loc']}, Error: {error['msg']}"
    return PlainTextResponse(message, status_code=400)


@app004.get("/items/{item_id}")
async def read_item_004(item_id: int):
    if item_id == 3:
        raise HTTPException(status_code=418, detail="Nope! I don't like 3.")
    return {"item_id": item_id}


app.mount("/t004", app004)


# tutorial005: the validation handler adds the body it received
app005 = FastAPI()


@app005.exception_handler(RequestValidationError)
async def validation_exception_handler_005(request: Request, exc: RequestValidationError):
    return JSONResponse(
        status_code=422,
        content=jsonable_encoder({"detail": exc.errors(), "body": exc.body}),
    )


class Item(BaseModel):
    title: str
    size: int


@app005.post("/items/")
async def create_item_005(item: Item):
    return item


app.mount("/t005", app005)


# tutorial006: custom handlers that reuse FastAPI's
app006 = FastAPI()


@app006.exception_handler(StarletteHTTPException)
async def custom_http_exception_handler_006(request, exc):
    print(f"OMG! An HTTP error!: {repr(exc)}")
    return await http_exception_handler(request, exc)


@app006.exception_handler(RequestValidationError)
async def validation_exception_handler_006(request, exc):
    print(f"OMG! The client sent invalid data!: {exc}")
    return await request_validation_exception_handler(request, exc)


@app006.get("/items/{item_id}")
async def read_item_006(item_id: int):
    if item_id == 3:
        raise HTTPException(status_code=418, detail="Nope! I don't like 3.")
    return {"item_id": item_id}


app.mount("/t006", app006)
