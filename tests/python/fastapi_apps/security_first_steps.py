# Twin of FastAPI's docs_src/security/tutorial001_an_py310.py (Security - First Steps), for
# tests/fastapi/cases/security_first_steps.ts.
from typing import Annotated

from fastapi import Depends, FastAPI
from fastapi.security import OAuth2PasswordBearer

app = FastAPI()

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="token")


@app.get("/items/")
async def read_items(token: Annotated[str, Depends(oauth2_scheme)]):
    return {"token": token}
