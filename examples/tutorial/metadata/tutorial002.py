# Metadata and Docs URLs: the license given by its SPDX identifier instead of a URL.
from fastapi import FastAPI

app = FastAPI(
    title="ChimichangApp",
    summary="Deadpool's favorite app. Nuff said.",
    version="0.0.1",
    license_info={
        "name": "Apache 2.0",
        "identifier": "Apache-2.0",
    },
)


@app.get("/items/")
async def read_items():
    return [{"name": "Katana"}]
