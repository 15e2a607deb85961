# Twin of the apps of FastAPI's tests/test_security_oauth2{,_optional,_optional_description}.py,
# test_security_oauth2_password_bearer_optional{,_description}.py and
# test_security_oauth2_authorization_code_bearer{,_description}.py, for
# tests/fastapi/cases/security_oauth2.ts: each test's app under its own prefix.
# Not in FastAPI's tests, marked below: the permissive form's login, a required OAuth2PasswordBearer.
from fastapi import APIRouter, Depends, FastAPI, Security
from fastapi.security import (
    OAuth2,
    OAuth2AuthorizationCodeBearer,
    OAuth2PasswordBearer,
    OAuth2PasswordRequestForm,
    OAuth2PasswordRequestFormStrict,
)
from pydantic import BaseModel

app = FastAPI()

FLOWS = {
    "password": {
        "tokenUrl": "token",
        "scopes": {"read:users": "Read the users", "write:users": "Create users"},
    }
}


class User(BaseModel):
    username: str


def oauth2_app(prefix, reusable_oauth2):
    router = APIRouter(prefix=prefix)

    def get_current_user(oauth_header: str = Security(reusable_oauth2)):
        user = User(username=oauth_header)
        return user

    @router.post("/login")
    def login(form_data: OAuth2PasswordRequestFormStrict = Depends()):
        return form_data

    @router.get("/users/me")
    def read_current_user(current_user: User = Depends(get_current_user)):
        return current_user

    app.include_router(router)


def oauth2_optional_app(prefix, reusable_oauth2):
    router = APIRouter(prefix=prefix)

    def get_current_user(oauth_header: str | None = Security(reusable_oauth2)):
        if oauth_header is None:
            return None
        user = User(username=oauth_header)
        return user

    @router.post("/login")
    def login(form_data: OAuth2PasswordRequestFormStrict = Depends()):
        return form_data

    @router.get("/users/me")
    def read_users_me(current_user: User | None = Depends(get_current_user)):
        if current_user is None:
            return {"msg": "Create an account first"}
        return current_user

    app.include_router(router)


def token_app(prefix, oauth2_scheme):
    router = APIRouter(prefix=prefix)

    @router.get("/items/")
    async def read_items(token: str | None = Security(oauth2_scheme)):
        return {"token": token}

    app.include_router(router)


def optional_token_app(prefix, oauth2_scheme):
    router = APIRouter(prefix=prefix)

    @router.get("/items/")
    async def read_items(token: str | None = Security(oauth2_scheme)):
        if token is None:
            return {"msg": "Create an account first"}
        return {"token": token}

    app.include_router(router)


oauth2_app("/oauth2", OAuth2(flows=FLOWS))
oauth2_optional_app("/oauth2-optional", OAuth2(flows=FLOWS, auto_error=False))
oauth2_optional_app("/oauth2-optional-description", OAuth2(flows=FLOWS, description="OAuth2 security scheme", auto_error=False))
optional_token_app("/password-bearer-optional", OAuth2PasswordBearer(tokenUrl="/token", auto_error=False))
optional_token_app("/password-bearer-optional-description", OAuth2PasswordBearer(tokenUrl="/token", description="OAuth2PasswordBearer security scheme", auto_error=False))
token_app("/code-bearer", OAuth2AuthorizationCodeBearer(authorizationUrl="authorize", tokenUrl="token", auto_error=True))
token_app("/code-bearer-description", OAuth2AuthorizationCodeBearer(authorizationUrl="authorize", tokenUrl="token", description="OAuth2 Code Bearer", auto_error=True))
# Not in FastAPI's tests: a required OAuth2PasswordBearer, and the permissive form.
token_app("/password-bearer", OAuth2PasswordBearer(tokenUrl="token"))


@app.post("/permissive/login")
def permissive_login(form_data: OAuth2PasswordRequestForm = Depends()):
    return form_data
