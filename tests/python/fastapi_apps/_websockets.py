# Not a tutorial twin (the leading underscore: no case file): the FastAPI side of the
# differential tests in tests/fastapi/websockets.test.ts, whose TS twin is built there. FastAPI's
# tests/test_ws_router.py and tests/test_ws_dependencies.py apps (the latter mounted at /deps),
# plus routes for what a client sees of params, validation closes, exceptions and yield exits.
# Run in process by tests/python/run_example.py with client scripts.
import json
from typing import Annotated

from fastapi import (
    APIRouter,
    Cookie,
    Depends,
    FastAPI,
    Header,
    HTTPException,
    Path,
    Query,
    Security,
    WebSocket,
    WebSocketDisconnect,
    WebSocketException,
)
from fastapi.requests import HTTPConnection
from fastapi.security import SecurityScopes

router = APIRouter()
prefix_router = APIRouter()
native_prefix_route = APIRouter(prefix="/native")
app = FastAPI()


@app.websocket_route("/")
async def index(websocket: WebSocket):
    await websocket.accept()
    await websocket.send_text("Hello, world!")
    await websocket.close()


@router.websocket_route("/router")
async def routerindex(websocket: WebSocket):
    await websocket.accept()
    await websocket.send_text("Hello, router!")
    await websocket.close()


@prefix_router.websocket_route("/")
async def routerprefixindex(websocket: WebSocket):
    await websocket.accept()
    await websocket.send_text("Hello, router with prefix!")
    await websocket.close()


@router.websocket("/router2")
async def routerindex2(websocket: WebSocket):
    await websocket.accept()
    await websocket.send_text("Hello, router!")
    await websocket.close()


@router.websocket("/router/{pathparam:path}")
async def routerindexparams(websocket: WebSocket, pathparam: str, queryparam: str):
    await websocket.accept()
    await websocket.send_text(pathparam)
    await websocket.send_text(queryparam)
    await websocket.close()


async def ws_dependency():
    return "Socket Dependency"


@router.websocket("/router-ws-depends/")
async def router_ws_decorator_depends(websocket: WebSocket, data=Depends(ws_dependency)):
    await websocket.accept()
    await websocket.send_text(data)
    await websocket.close()


@native_prefix_route.websocket("/")
async def router_native_prefix_ws(websocket: WebSocket):
    await websocket.accept()
    await websocket.send_text("Hello, router with native prefix!")
    await websocket.close()


async def ws_dependency_validate(x_missing: str = Header()):
    pass  # pragma: no cover


@router.websocket("/depends-validate/")
async def router_ws_depends_validate(websocket: WebSocket, data=Depends(ws_dependency_validate)):
    pass  # pragma: no cover


class CustomError(Exception):
    pass


@router.websocket("/custom_error/")
async def router_ws_custom_error(websocket: WebSocket):
    raise CustomError()


async def custom_handler(websocket: WebSocket, exc: CustomError) -> None:
    await websocket.close(1002, "foo")


app.add_exception_handler(CustomError, custom_handler)

# ---------------------------------------------------------------- what a client sees


@app.websocket("/params/{item_id}")
async def params(
    websocket: WebSocket,
    item_id: Annotated[int, Path(ge=1)],
    q: Annotated[list[str], Query()],
    limit: Annotated[int, Query(le=10)] = 5,
    user_agent: Annotated[str | None, Header()] = None,
    x_token: Annotated[str, Header()] = "none",
    session: Annotated[str | None, Cookie()] = None,
):
    await websocket.accept()
    await websocket.send_json({"item_id": item_id, "q": q, "limit": limit, "user_agent": user_agent, "x_token": x_token, "session": session})
    await websocket.close()


@app.websocket("/ws-exception/{when}")
async def ws_exception(websocket: WebSocket, when: str):
    if when == "before":
        raise WebSocketException(code=4001, reason="Not allowed")
    await websocket.accept()
    await websocket.send_text("accepted")
    raise WebSocketException(code=4002)


@app.websocket("/http-exception")
async def http_exception(websocket: WebSocket):
    raise HTTPException(status_code=403, detail="Go away")


@app.websocket("/echo")
async def echo(websocket: WebSocket):
    await websocket.accept()
    data = await websocket.receive_json()
    await websocket.send_json({"got": data})
    raw = await websocket.receive_bytes()
    await websocket.send_bytes(raw[::-1])
    text = await websocket.receive_text()
    await websocket.close(code=4000, reason=text)


events: list[str] = []


async def get_db(websocket: WebSocket):
    events.append(f"enter {websocket.url.path}")
    try:
        yield "db"
    except WebSocketDisconnect as exc:
        events.append(f"disconnect {exc.code}")
        raise
    finally:
        events.append("exit")


@app.websocket("/yield")
async def with_yield(websocket: WebSocket, db: Annotated[str, Depends(get_db)]):
    await websocket.accept()
    await websocket.send_text(db)
    while True:
        events.append("got " + await websocket.receive_text())


@app.get("/events")
def read_events():
    taken = list(events)
    events.clear()
    return taken


def scoped(security_scopes: SecurityScopes, token: Annotated[str | None, Query()] = None):
    if token != "secret":
        raise WebSocketException(code=1008, reason="Bad token")
    return security_scopes.scopes


@app.websocket("/secure")
async def secure(websocket: WebSocket, conn: HTTPConnection, scopes: Annotated[list[str], Security(scoped, scopes=["items"])]):
    await websocket.accept()
    await websocket.send_json({"scopes": scopes, "same": conn is websocket, "path": conn.url.path})
    await websocket.close()


app.include_router(router)
app.include_router(prefix_router, prefix="/prefix")
app.include_router(native_prefix_route)

# ---------------------------------------------------------------- tests/test_ws_dependencies.py


def dependency_list() -> list[str]:
    return []


DepList = Annotated[list[str], Depends(dependency_list)]


def create_dependency(name: str):
    def fun(deps: DepList):
        deps.append(name)

    return Depends(fun)


deps_router = APIRouter(dependencies=[create_dependency("router")])
deps_prefix_router = APIRouter(dependencies=[create_dependency("prefix_router")])
deps_app = FastAPI(dependencies=[create_dependency("app")])


@deps_app.websocket("/", dependencies=[create_dependency("index")])
async def deps_index(websocket: WebSocket, deps: DepList):
    await websocket.accept()
    await websocket.send_text(json.dumps(deps))
    await websocket.close()


@deps_router.websocket("/router", dependencies=[create_dependency("routerindex")])
async def deps_routerindex(websocket: WebSocket, deps: DepList):
    await websocket.accept()
    await websocket.send_text(json.dumps(deps))
    await websocket.close()


@deps_prefix_router.websocket("/", dependencies=[create_dependency("routerprefixindex")])
async def deps_routerprefixindex(websocket: WebSocket, deps: DepList):
    await websocket.accept()
    await websocket.send_text(json.dumps(deps))
    await websocket.close()


@deps_app.websocket("/validate/{n}")
async def deps_validate(websocket: WebSocket, n: int):
    pass  # pragma: no cover


deps_app.include_router(deps_router, dependencies=[create_dependency("router2")])
deps_app.include_router(deps_prefix_router, prefix="/prefix", dependencies=[create_dependency("prefix_router2")])
app.mount("/deps", deps_app)
