# The Python side of tests/fastapi/differential.test.ts (the harness's own test), not a
# tutorial twin: echoes what reached the server and answers in the shapes the harness compares.
from fastapi import FastAPI, Request, Response
from fastapi.responses import PlainTextResponse, RedirectResponse

app = FastAPI()


@app.api_route("/echo", methods=["GET", "POST"])
async def echo(request: Request):
    return {
        "method": request.method,
        "query": request.scope["query_string"].decode("latin-1"),
        "headers": [[k.decode("latin-1"), v.decode("latin-1")] for k, v in request.scope["headers"]],
        "body": (await request.body()).hex(),
    }


@app.get("/float")
async def floats():
    return {"value": 1.0, "half": 0.5, "list": [2.0, 3]}


@app.get("/cookies")
async def cookies(response: Response):
    response.set_cookie("a", "1")
    response.set_cookie("b", "2", httponly=True)
    return {"ok": True}


@app.get("/items/{item_id}")
async def item(item_id: int):
    return {"item_id": item_id}


@app.post("/only-post")
async def only_post():
    return {"ok": True}


@app.get("/text")
async def text():
    return PlainTextResponse("hello\nworld")


@app.get("/redirect")
async def redirect():
    return RedirectResponse("/echo")


@app.get("/slash/")
async def slash():
    return {"slash": True}


@app.get("/lines")
async def lines():
    yield {"n": 1.0}
    yield {"n": 2}


@app.get("/cut")
async def cut():
    yield {"n": 1}
    raise RuntimeError("cut off mid-stream")
