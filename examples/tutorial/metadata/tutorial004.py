# Metadata and Docs URLs: the OpenAPI document served at another URL (the docs pages follow it).
from fastapi import FastAPI

app = FastAPI(openapi_url="/api/v1/openapi.json")


@app.get("/items/")
async def read_items():
    return [{"name": "Foo"}]
