# Middleware: time every request and report the time in a response header.
import time

from fastapi import FastAPI, Request

app = FastAPI()


@app.middleware("http")
async def add_process_time_header(request: Request, call_next):
    start_time = time.perf_counter()
    response = await call_next(request)
    process_time = time.perf_counter() - start_time
    response.headers["X-Process-Time"] = str(process_time)
    return response


# Not in FastAPI's sample: a path operation to time.
@app.get("/")
async def root():
    return {"message": "Hello World"}
