# FastAPI's GZip example, with the routes examples/gzip_middleware.ts adds.
import asyncio

from fastapi import FastAPI
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import StreamingResponse

app = FastAPI()

app.add_middleware(GZipMiddleware, minimum_size=1000, compresslevel=5)


@app.get("/")
async def main():
    return "somebigcontent" * 100


@app.get("/small")
async def small():
    return "under minimumSize: sent as it is"


async def report():
    for line in range(1, 6):
        yield f"line {line}: {'data ' * 50}\n"
        await asyncio.sleep(0.01)


@app.get("/report")
async def stream():
    return StreamingResponse(report(), media_type="text/plain")
