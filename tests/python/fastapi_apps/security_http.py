# Twin of the apps of FastAPI's tests/test_security_http_{base,basic,bearer,digest}{,_description,_optional,_realm}.py,
# for tests/fastapi/cases/security_http.ts: each test's app under its own prefix.
from fastapi import APIRouter, FastAPI, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBasic, HTTPBasicCredentials, HTTPBearer, HTTPDigest
from fastapi.security.http import HTTPBase

app = FastAPI()


def credentials_app(prefix, security):
    router = APIRouter(prefix=prefix)

    @router.get("/users/me")
    def read_current_user(credentials: HTTPAuthorizationCredentials = Security(security)):
        return {"scheme": credentials.scheme, "credentials": credentials.credentials}

    app.include_router(router)


def optional_credentials_app(prefix, security):
    router = APIRouter(prefix=prefix)

    @router.get("/users/me")
    def read_current_user(credentials: HTTPAuthorizationCredentials | None = Security(security)):
        if credentials is None:
            return {"msg": "Create an account first"}
        return {"scheme": credentials.scheme, "credentials": credentials.credentials}

    app.include_router(router)


def basic_app(prefix, security):
    router = APIRouter(prefix=prefix)

    @router.get("/users/me")
    def read_current_user(credentials: HTTPBasicCredentials = Security(security)):
        return {"username": credentials.username, "password": credentials.password}

    app.include_router(router)


def optional_basic_app(prefix, security):
    router = APIRouter(prefix=prefix)

    @router.get("/users/me")
    def read_current_user(credentials: HTTPBasicCredentials | None = Security(security)):
        if credentials is None:
            return {"msg": "Create an account first"}
        return {"username": credentials.username, "password": credentials.password}

    app.include_router(router)


credentials_app("/base", HTTPBase(scheme="Other"))
credentials_app("/base-description", HTTPBase(scheme="Other", description="Other Security Scheme"))
optional_credentials_app("/base-optional", HTTPBase(scheme="Other", auto_error=False))
basic_app("/basic", HTTPBasic())
basic_app("/basic-realm", HTTPBasic(realm="simple"))
basic_app("/basic-realm-description", HTTPBasic(realm="simple", description="HTTPBasic scheme"))
optional_basic_app("/basic-optional", HTTPBasic(auto_error=False))
credentials_app("/bearer", HTTPBearer())
credentials_app("/bearer-description", HTTPBearer(description="HTTP Bearer token scheme"))
optional_credentials_app("/bearer-optional", HTTPBearer(auto_error=False))
credentials_app("/digest", HTTPDigest())
credentials_app("/digest-description", HTTPDigest(description="HTTPDigest scheme"))
optional_credentials_app("/digest-optional", HTTPDigest(auto_error=False))
