# Middleware: the last middleware added is the outermost, first on the way in, last on the way out.
from fastapi import FastAPI, Request

app = FastAPI()


@app.middleware("http")
async def middleware_a(request: Request, call_next):
    print("A: request")
    response = await call_next(request)
    print("A: response")
    return response


@app.middleware("http")
async def middleware_b(request: Request, call_next):
    print("B: request")
    response = await call_next(request)
    print("B: response")
    return response


@app.get("/")
async def root():
    print("path operation")
    return {"message": "Hello World"}
