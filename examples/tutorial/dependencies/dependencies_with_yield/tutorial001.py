# Dependencies with yield: open a session before the path operation, close it after, always.
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException

app = FastAPI()


class DBSession:
    def __init__(self):
        print("Session opened")
        self.items = {"plumbus": {"name": "Plumbus"}}

    def close(self):
        print("Session closed")


async def get_db():
    db = DBSession()
    try:
        yield db
    finally:
        db.close()


@app.get("/items/{item_id}")
async def read_item(item_id: str, db: Annotated[DBSession, Depends(get_db)]):
    if item_id not in db.items:
        raise HTTPException(status_code=404, detail="Item not found")
    return db.items[item_id]
