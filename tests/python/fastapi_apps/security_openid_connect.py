# Twin of the apps of FastAPI's tests/test_security_openid_connect{,_description,_optional}.py,
# for tests/fastapi/cases/security_openid_connect.ts: each test's app under its own prefix.
from fastapi import APIRouter, Depends, FastAPI, Security
from fastapi.security.open_id_connect_url import OpenIdConnect
from pydantic import BaseModel

app = FastAPI()


class User(BaseModel):
    username: str


def required(prefix, oid):
    router = APIRouter(prefix=prefix)

    def get_current_user(oauth_header: str = Security(oid)):
        user = User(username=oauth_header)
        return user

    @router.get("/users/me")
    def read_current_user(current_user: User = Depends(get_current_user)):
        return current_user

    app.include_router(router)


def optional(prefix, oid):
    router = APIRouter(prefix=prefix)

    def get_current_user(oauth_header: str | None = Security(oid)):
        if oauth_header is None:
            return None
        user = User(username=oauth_header)
        return user

    @router.get("/users/me")
    def read_current_user(current_user: User | None = Depends(get_current_user)):
        if current_user is None:
            return {"msg": "Create an account first"}
        return current_user

    app.include_router(router)


required("/oid", OpenIdConnect(openIdConnectUrl="/openid"))
required("/oid-description", OpenIdConnect(openIdConnectUrl="/openid", description="OpenIdConnect security scheme"))
optional("/oid-optional", OpenIdConnect(openIdConnectUrl="/openid", auto_error=False))
