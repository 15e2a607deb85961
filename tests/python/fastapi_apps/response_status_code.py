# Twin of FastAPI's docs_src/response_status_code (tutorial001-002), both in one app,
# for tests/fastapi/cases/response_status_code.ts. tutorial002 sits under /t002.
from fastapi import FastAPI, status

app = FastAPI()


# tutorial001
@app.post("/items/", status_code=201)
async def create_item(name: str):
    return {"name": name}


# tutorial002
@app.post("/t002/items/", status_code=status.HTTP_201_CREATED)
async def create_item_002(name: str):
    return {"name": name}
