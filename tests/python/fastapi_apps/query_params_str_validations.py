# Twin of FastAPI's docs_src/query_params_str_validations (tutorial001-015, the
# Annotated variants), every variant in one app on /tNNN/items/, for
# tests/fastapi/cases/query_params_str_validations.ts. tutorial015 picks the first
# entry where the docs pick a random one, so both sides can agree.
from typing import Annotated

from fastapi import FastAPI, Query
from pydantic import AfterValidator

app = FastAPI()

RESULTS = [{"item_id": "Foo"}, {"item_id": "Bar"}]


def results(q):
    out = {"items": RESULTS}
    if q:
        out.update({"q": q})
    return out


@app.get("/t001/items/")
async def read_items_001(q: str | None = None):
    return results(q)


@app.get("/t002/items/")
async def read_items_002(q: Annotated[str | None, Query(max_length=50)] = None):
    return results(q)


@app.get("/t003/items/")
async def read_items_003(
    q: Annotated[str | None, Query(min_length=3, max_length=50)] = None,
):
    return results(q)


@app.get("/t004/items/")
async def read_items_004(
    q: Annotated[
        str | None, Query(min_length=3, max_length=50, pattern="^fixedquery$")
    ] = None,
):
    return results(q)


@app.get("/t005/items/")
async def read_items_005(q: Annotated[str, Query(min_length=3)] = "fixedquery"):
    return results(q)


@app.get("/t006/items/")
async def read_items_006(q: Annotated[str, Query(min_length=3)]):
    return results(q)


# tutorial006c: required, yet may be None
@app.get("/t006c/items/")
async def read_items_006c(q: Annotated[str | None, Query(min_length=3)]):
    return results(q)


@app.get("/t007/items/")
async def read_items_007(
    q: Annotated[str | None, Query(title="Query string", min_length=3)] = None,
):
    return results(q)


@app.get("/t008/items/")
async def read_items_008(
    q: Annotated[
        str | None,
        Query(
            title="Query string",
            description="Query string for the items to search in the database that have a good match",
            min_length=3,
        ),
    ] = None,
):
    return results(q)


@app.get("/t009/items/")
async def read_items_009(q: Annotated[str | None, Query(alias="item-query")] = None):
    return results(q)


@app.get("/t010/items/")
async def read_items_010(
    q: Annotated[
        str | None,
        Query(
            alias="item-query",
            title="Query string",
            description="Query string for the items to search in the database that have a good match",
            min_length=3,
            max_length=50,
            pattern="^fixedquery$",
            deprecated=True,
        ),
    ] = None,
):
    return results(q)


@app.get("/t011/items/")
async def read_items_011(q: Annotated[list[str] | None, Query()] = None):
    query_items = {"q": q}
    return query_items


@app.get("/t012/items/")
async def read_items_012(q: Annotated[list[str], Query()] = ["foo", "bar"]):
    query_items = {"q": q}
    return query_items


@app.get("/t013/items/")
async def read_items_013(q: Annotated[list, Query()] = []):
    query_items = {"q": q}
    return query_items


@app.get("/t014/items/")
async def read_items_014(
    hidden_query: Annotated[str | None, Query(include_in_schema=False)] = None,
):
    if hidden_query:
        return {"hidden_query": hidden_query}
    else:
        return {"hidden_query": "Not found"}


data = {
    "isbn-9781529046137": "The Hitchhiker's Guide to the Galaxy",
    "imdb-tt0371724": "The Hitchhiker's Guide to the Galaxy",
    "isbn-9781439512982": "Isaac Asimov: The Complete Stories, Vol. 2",
}


def check_valid_id(id: str):
    if not id.startswith(("isbn-", "imdb-")):
        raise ValueError('Invalid ID format, it must start with "isbn-" or "imdb-"')
    return id


@app.get("/t015/items/")
async def read_items_015(
    id: Annotated[str | None, AfterValidator(check_valid_id)] = None,
):
    if id:
        item = data.get(id)
    else:
        id, item = next(iter(data.items()))
    return {"id": id, "name": item}
