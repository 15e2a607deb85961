# Custom Docs UI Static Assets (Self-Hosting): /docs served from the app's own copy of Swagger
# UI (the swagger-ui-dist package), no CDN; the API is the one of "Simple OAuth2 with Password
# and Bearer", so the docs can log in and call a protected path operation.
from pathlib import Path
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Request, status
from fastapi.openapi.docs import get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
from fastapi.security import OAuth2PasswordBearer, OAuth2PasswordRequestForm
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel

app = FastAPI(docs_url=None, redoc_url=None)

# FastAPI's sample mounts a folder "static" holding the downloaded files; this repository has
# them from npm, in the swagger-ui-dist package, so its folder is the one mounted.
swagger_ui_dist = Path(__file__).resolve().parents[3] / "node_modules" / "swagger-ui-dist"
app.mount("/static", StaticFiles(directory=swagger_ui_dist), name="static")


@app.get("/docs", include_in_schema=False)
async def custom_swagger_ui_html(req: Request):
    root_path = req.scope.get("root_path", "").rstrip("/")
    return get_swagger_ui_html(
        openapi_url=f"{root_path}{app.openapi_url}",
        title=app.title + " - Swagger UI",
        oauth2_redirect_url=f"{root_path}{app.swagger_ui_oauth2_redirect_url}",
        swagger_js_url=f"{root_path}/static/swagger-ui-bundle.js",
        swagger_css_url=f"{root_path}/static/swagger-ui.css",
    )


@app.get(app.swagger_ui_oauth2_redirect_url, include_in_schema=False)
async def swagger_ui_redirect():
    return get_swagger_ui_oauth2_redirect_html()


# The API: a password login at /token, and /users/me for the user the token names.
fake_users_db = {
    "johndoe": {"username": "johndoe", "full_name": "John Doe", "email": "johndoe@example.com", "hashed_password": "fakehashedsecret", "disabled": False},
    "alice": {"username": "alice", "full_name": "Alice Wonderson", "email": "alice@example.com", "hashed_password": "fakehashedsecret2", "disabled": True},
}


def fake_hash_password(password: str):
    return "fakehashed" + password


oauth2_scheme = OAuth2PasswordBearer(tokenUrl="token")


class UserInDB(BaseModel):
    username: str
    email: str | None = None
    full_name: str | None = None
    disabled: bool | None = None
    hashed_password: str


def get_user(username: str):
    if username in fake_users_db:
        return UserInDB(**fake_users_db[username])
    return None


# No security at all: the token is the username (the next chapter signs real tokens).
async def get_current_user(token: Annotated[str, Depends(oauth2_scheme)]):
    user = get_user(token)
    if not user:
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="Not authenticated", headers={"WWW-Authenticate": "Bearer"})
    return user


async def get_current_active_user(current_user: Annotated[UserInDB, Depends(get_current_user)]):
    if current_user.disabled:
        raise HTTPException(status_code=400, detail="Inactive user")
    return current_user


@app.post("/token")
async def login(form_data: Annotated[OAuth2PasswordRequestForm, Depends()]):
    user = get_user(form_data.username)
    if not user or fake_hash_password(form_data.password) != user.hashed_password:
        raise HTTPException(status_code=400, detail="Incorrect username or password")
    return {"access_token": user.username, "token_type": "bearer"}


@app.get("/users/me")
async def read_users_me(current_user: Annotated[UserInDB, Depends(get_current_active_user)]):
    return current_user
