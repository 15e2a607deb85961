# Dependencies with yield: sub-dependencies with yield, each closed after the one that uses it.
from typing import Annotated

from fastapi import Depends, FastAPI

app = FastAPI()


async def dependency_a():
    print("A: set up")
    try:
        yield "A"
    finally:
        print("A: closed")


async def dependency_b(dep_a: Annotated[str, Depends(dependency_a)]):
    print(f"B: set up, with {dep_a}")
    try:
        yield "B"
    finally:
        print(f"B: closed, {dep_a} still open")


async def dependency_c(dep_b: Annotated[str, Depends(dependency_b)]):
    print(f"C: set up, with {dep_b}")
    try:
        yield "C"
    finally:
        print(f"C: closed, {dep_b} still open")


@app.get("/abc")
async def read_abc(dep_c: Annotated[str, Depends(dependency_c)]):
    print(f"path operation, with {dep_c}")
    return {"dependency": dep_c}
