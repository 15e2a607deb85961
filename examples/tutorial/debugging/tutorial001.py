# Debugging: the file starts its own server when run directly (python tutorial001.py), so a
# debugger can run it; imported, it only defines the app.
import uvicorn
from fastapi import FastAPI

app = FastAPI()


@app.get("/")
def root():
    a = "a"
    b = "b" + a
    return {"hello world": b}


if __name__ == "__main__":
    uvicorn.run(app, host="0.0.0.0", port=8000)
