# Twin of the apps of FastAPI's tests/test_security_scopes.py, test_security_scopes_dont_propagate.py
# and test_security_scopes_sub_dependency.py, for tests/fastapi/cases/security_scopes.ts: each
# test's app under its own prefix, the call counters in the answers (they go on counting from
# request to request, alike on both sides).
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Security
from fastapi.security import SecurityScopes

app = FastAPI()

# test_security_scopes.py: a dependency asked for with and without scopes is called once.
call_counter = {"count": 0}


def get_db():
    call_counter["count"] += 1
    return f"db_{call_counter['count']}"


def get_user(db: Annotated[str, Depends(get_db)]):
    return "user"


@app.get("/once/")
def endpoint(
    db: Annotated[str, Depends(get_db)],
    user: Annotated[str, Security(get_user, scopes=["read"])],
):
    return {"db": db, "count": call_counter["count"]}


# test_security_scopes_dont_propagate.py
async def security1(scopes: SecurityScopes):
    return scopes.scopes


async def security2(scopes: SecurityScopes):
    return scopes.scopes


async def dep3(
    dep1: Annotated[list[str], Security(security1, scopes=["scope1"])],
    dep2: Annotated[list[str], Security(security2, scopes=["scope2"])],
):
    return {"dep1": dep1, "dep2": dep2}


@app.get("/scopes")
def get_scopes(
    dep3: Annotated[dict[str, Any], Security(dep3, scopes=["scope3"])],
):
    return dep3


# test_security_scopes_sub_dependency.py
call_counts = {"get_db_session": 0, "get_current_user": 0, "get_user_me": 0, "get_user_items": 0}


def get_db_session():
    call_counts["get_db_session"] += 1
    return f"db_session_{call_counts['get_db_session']}"


def get_current_user(
    security_scopes: SecurityScopes,
    db_session: Annotated[str, Depends(get_db_session)],
):
    call_counts["get_current_user"] += 1
    return {
        "user": f"user_{call_counts['get_current_user']}",
        "scopes": security_scopes.scopes,
        "db_session": db_session,
    }


def get_user_me(
    current_user: Annotated[dict, Security(get_current_user, scopes=["me"])],
):
    call_counts["get_user_me"] += 1
    return {
        "user_me": f"user_me_{call_counts['get_user_me']}",
        "current_user": current_user,
    }


def get_user_items(
    user_me: Annotated[dict, Depends(get_user_me)],
):
    call_counts["get_user_items"] += 1
    return {
        "user_items": f"user_items_{call_counts['get_user_items']}",
        "user_me": user_me,
    }


sub = APIRouter(prefix="/sub")


@sub.get("/")
def path_operation(
    user_me: Annotated[dict, Depends(get_user_me)],
    user_items: Annotated[dict, Security(get_user_items, scopes=["items"])],
):
    return {
        "user_me": user_me,
        "user_items": user_items,
        "call_counts": call_counts,
    }


app.include_router(sub)
