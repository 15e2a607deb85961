# Twin of FastAPI's docs_src/dependencies (tutorial001-006, 011, 012; Annotated), for
# tests/fastapi/cases/dependencies.ts. tutorial001 keeps the docs' paths; the others sit
# under /tNNN. tutorial012's global dependencies belong to an app, so it is a FastAPI
# app of its own mounted under /t012. Not in the docs, marked below: use_cache.
from typing import Annotated, Any

from fastapi import Cookie, Depends, FastAPI, Header, HTTPException, Request

app = FastAPI()

fake_items_db = [{"item_name": "Foo"}, {"item_name": "Bar"}, {"item_name": "Baz"}]


# tutorial001: a function dependency
async def common_parameters(q: str | None = None, skip: int = 0, limit: int = 100):
    return {"q": q, "skip": skip, "limit": limit}


@app.get("/items/")
async def read_items(commons: Annotated[dict, Depends(common_parameters)]):
    return commons


@app.get("/users/")
async def read_users(commons: Annotated[dict, Depends(common_parameters)]):
    return commons


# tutorial002-004: a class as the dependency
class CommonQueryParams:
    def __init__(self, q: str | None = None, skip: int = 0, limit: int = 100):
        self.q = q
        self.skip = skip
        self.limit = limit


def class_response(commons):
    response = {}
    if commons.q:
        response.update({"q": commons.q})
    items = fake_items_db[commons.skip : commons.skip + commons.limit]
    response.update({"items": items})
    return response


@app.get("/t002/items/")
async def read_items_002(
    commons: Annotated[CommonQueryParams, Depends(CommonQueryParams)],
):
    return class_response(commons)


@app.get("/t003/items/")
async def read_items_003(commons: Annotated[Any, Depends(CommonQueryParams)]):
    return class_response(commons)


@app.get("/t004/items/")
async def read_items_004(commons: Annotated[CommonQueryParams, Depends()]):
    return class_response(commons)


# tutorial005: sub-dependencies
def query_extractor(q: str | None = None):
    return q


def query_or_cookie_extractor(
    q: Annotated[str, Depends(query_extractor)],
    last_query: Annotated[str | None, Cookie()] = None,
):
    if not q:
        return last_query
    return q


@app.get("/t005/items/")
async def read_query(
    query_or_default: Annotated[str, Depends(query_or_cookie_extractor)],
):
    return {"q_or_cookie": query_or_default}


# tutorial006: dependencies in the path operation decorator
async def verify_token(x_token: Annotated[str, Header()]):
    if x_token != "fake-super-secret-token":
        raise HTTPException(status_code=400, detail="X-Token header invalid")


async def verify_key(x_key: Annotated[str, Header()]):
    if x_key != "fake-super-secret-key":
        raise HTTPException(status_code=400, detail="X-Key header invalid")
    return x_key


@app.get("/t006/items/", dependencies=[Depends(verify_token), Depends(verify_key)])
async def read_items_006():
    return [{"item": "Foo"}, {"item": "Bar"}]


# tutorial011: a callable instance
class FixedContentQueryChecker:
    def __init__(self, fixed_content: str):
        self.fixed_content = fixed_content

    def __call__(self, q: str = ""):
        if q:
            return self.fixed_content in q
        return False


checker = FixedContentQueryChecker("bar")


@app.get("/query-checker/")
async def read_query_check(fixed_content_included: Annotated[bool, Depends(checker)]):
    return {"fixed_content_in_query": fixed_content_included}


# Not in the docs: a dependency used twice is solved once per request unless
# use_cache=False
def counter(request: Request):
    request.state.calls = getattr(request.state, "calls", 0) + 1
    return request.state.calls


def uses_counter(value: Annotated[int, Depends(counter)]):
    return value


@app.get("/cache/")
async def read_cache(
    first: Annotated[int, Depends(counter)],
    nested: Annotated[int, Depends(uses_counter)],
    uncached: Annotated[int, Depends(counter, use_cache=False)],
):
    return {"first": first, "nested": nested, "uncached": uncached}


# tutorial012: global dependencies
app012 = FastAPI(dependencies=[Depends(verify_token), Depends(verify_key)])


@app012.get("/items/")
async def read_items_012():
    return [{"item": "Portal Gun"}, {"item": "Plumbus"}]


@app012.get("/users/")
async def read_users_012():
    return [{"username": "Rick"}, {"username": "Morty"}]


app.mount("/t012", app012)
