# Metadata and Docs URLs: no OpenAPI document at all, and so no docs pages either.
from fastapi import FastAPI

app = FastAPI(openapi_url=None)


@app.get("/items/")
async def read_items():
    return [{"name": "Foo"}]
