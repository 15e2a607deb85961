# Metadata and Docs URLs: Swagger UI moved to /documentation, ReDoc turned off.
from fastapi import FastAPI

app = FastAPI(docs_url="/documentation", redoc_url=None)


@app.get("/items/")
async def read_items():
    return [{"name": "Foo"}]
