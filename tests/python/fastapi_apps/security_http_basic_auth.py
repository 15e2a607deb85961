# Twin of FastAPI's docs_src/security/tutorial006_an_py310.py and tutorial007_an_py310.py
# (HTTP Basic Auth), for tests/fastapi/cases/security_http_basic_auth.ts. tutorial006 keeps the
# docs' path; tutorial007 (secrets.compare_digest) is under /t007.
import secrets
from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, HTTPException, status
from fastapi.security import HTTPBasic, HTTPBasicCredentials

app = FastAPI()

security = HTTPBasic()


@app.get("/users/me")
def read_current_user(credentials: Annotated[HTTPBasicCredentials, Depends(security)]):
    return {"username": credentials.username, "password": credentials.password}


# tutorial007
t007 = APIRouter(prefix="/t007")


def get_current_username(
    credentials: Annotated[HTTPBasicCredentials, Depends(security)],
):
    current_username_bytes = credentials.username.encode("utf8")
    correct_username_bytes = b"stanleyjobson"
    is_correct_username = secrets.compare_digest(
        current_username_bytes, correct_username_bytes
    )
    current_password_bytes = credentials.password.encode("utf8")
    correct_password_bytes = b"swordfish"
    is_correct_password = secrets.compare_digest(
        current_password_bytes, correct_password_bytes
    )
    if not (is_correct_username and is_correct_password):
        raise HTTPException(
            status_code=status.HTTP_401_UNAUTHORIZED,
            detail="Incorrect username or password",
            headers={"WWW-Authenticate": "Basic"},
        )
    return credentials.username


@t007.get("/users/me")
def read_current_user_007(username: Annotated[str, Depends(get_current_username)]):
    return {"username": username}


app.include_router(t007)
