# The Python app that examples/middleware_order_correct.ts mirrors (FastAPI).
from fastapi import FastAPI, Request
from starlette.middleware.sessions import SessionMiddleware

app = FastAPI()


@app.middleware("http")
async def some_middleware(request: Request, call_next):
    if "session" in request.scope:
        value = request.session.get("test")
        print(f"Middleware session value: {value}" if value else "No session value found.")
    else:
        print("Session middleware is not applied correctly.")
    return await call_next(request)


app.add_middleware(SessionMiddleware, secret_key="some-random-string")


@app.get("/test-session")
async def test_session(request: Request):
    request.session["test"] = "value"
    return {"session": request.session}


@app.get("/read-session")
async def read_session(request: Request):
    return {"session": request.session}
