# Background Tasks: a dependency adds a task too; all of them run after the response, in order.
from typing import Annotated

from fastapi import BackgroundTasks, Depends, FastAPI

app = FastAPI()


def write_log(message: str):
    # Stands in for appending to a log file, as FastAPI's sample does.
    print(message)


def get_query(background_tasks: BackgroundTasks, q: str | None = None):
    if q:
        message = f"found query: {q}"
        background_tasks.add_task(write_log, message)
    return q


@app.post("/send-notification/{email}")
async def send_notification(
    email: str, background_tasks: BackgroundTasks, q: Annotated[str, Depends(get_query)]
):
    message = f"message to {email}"
    background_tasks.add_task(write_log, message)
    return {"message": "Message sent"}
