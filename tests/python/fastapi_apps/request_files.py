# Twin of FastAPI's docs_src/request_files (tutorial001, 001_02, 001_03, 002, 003;
# Annotated), every variant in one app, for tests/fastapi/cases/request_files.ts.
# tutorial001 keeps the docs' paths; the others sit under /tNNN.
from typing import Annotated

from fastapi import FastAPI, File, UploadFile
from fastapi.responses import HTMLResponse

app = FastAPI()


# tutorial001: bytes and UploadFile
@app.post("/files/")
async def create_file(file: Annotated[bytes, File()]):
    return {"file_size": len(file)}


@app.post("/uploadfile/")
async def create_upload_file(file: UploadFile):
    return {"filename": file.filename}


# tutorial001_02: optional files
@app.post("/t001_02/files/")
async def create_file_001_02(file: Annotated[bytes | None, File()] = None):
    if not file:
        return {"message": "No file sent"}
    else:
        return {"file_size": len(file)}


@app.post("/t001_02/uploadfile/")
async def create_upload_file_001_02(file: UploadFile | None = None):
    if not file:
        return {"message": "No upload file sent"}
    else:
        return {"filename": file.filename}


# tutorial001_03: with descriptions
@app.post("/t001_03/files/")
async def create_file_001_03(
    file: Annotated[bytes, File(description="A file read as bytes")],
):
    return {"file_size": len(file)}


@app.post("/t001_03/uploadfile/")
async def create_upload_file_001_03(
    file: Annotated[UploadFile, File(description="A file read as UploadFile")],
):
    return {"filename": file.filename}


# tutorial002: several files, and the form that sends them
@app.post("/t002/files/")
async def create_files_002(files: Annotated[list[bytes], File()]):
    return {"file_sizes": [len(file) for file in files]}


@app.post("/t002/uploadfiles/")
async def create_upload_files_002(files: list[UploadFile]):
    return {"filenames": [file.filename for file in files]}


@app.get("/t002/")
async def main_002():
    content = """
<body>
<form action="/files/" enctype="multipart/form-data" method="post">
<input name="files" type="file" multiple>
<input type="submit">
</form>
<form action="/uploadfiles/" enctype="multipart/form-data" method="post">
<input name="files" type="file" multiple>
<input type="submit">
</form>
</body>
    """
    return HTMLResponse(content=content)


# tutorial003: several files, with descriptions
@app.post("/t003/files/")
async def create_files_003(
    files: Annotated[list[bytes], File(description="Multiple files as bytes")],
):
    return {"file_sizes": [len(file) for file in files]}


@app.post("/t003/uploadfiles/")
async def create_upload_files_003(
    files: Annotated[
        list[UploadFile], File(description="Multiple files as UploadFile")
    ],
):
    return {"filenames": [file.filename for file in files]}
