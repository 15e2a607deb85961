# Twin of the apps of FastAPI's tests/test_security_api_key_{query,header,cookie}{,_description,_optional}.py,
# for tests/fastapi/cases/security_api_key.ts: each test's app under its own prefix.
# Not in FastAPI's tests, marked below: a scheme with another name and scheme_name.
from fastapi import APIRouter, Depends, FastAPI, Security
from fastapi.security import APIKeyCookie, APIKeyHeader, APIKeyQuery
from pydantic import BaseModel

app = FastAPI()


class User(BaseModel):
    username: str


def required(prefix, scheme):
    router = APIRouter(prefix=prefix)

    def get_current_user(oauth_header: str = Security(scheme)):
        user = User(username=oauth_header)
        return user

    @router.get("/users/me")
    def read_current_user(current_user: User = Depends(get_current_user)):
        return current_user

    app.include_router(router)


def optional(prefix, scheme):
    router = APIRouter(prefix=prefix)

    def get_current_user(oauth_header: str | None = Security(scheme)):
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


required("/query", APIKeyQuery(name="key"))
required("/query-description", APIKeyQuery(name="key", description="API Key Query"))
optional("/query-optional", APIKeyQuery(name="key", auto_error=False))
required("/header", APIKeyHeader(name="key"))
required("/header-description", APIKeyHeader(name="key", description="An API Key Header"))
optional("/header-optional", APIKeyHeader(name="key", auto_error=False))
required("/cookie", APIKeyCookie(name="key"))
required("/cookie-description", APIKeyCookie(name="key", description="An API Cookie Key"))
optional("/cookie-optional", APIKeyCookie(name="key", auto_error=False))
# Not in FastAPI's tests: the docs' X-API-Key header, a named scheme.
required("/x-api-key", APIKeyHeader(name="X-API-Key", scheme_name="ApiKeyAuth"))
