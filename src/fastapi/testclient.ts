// Port of fastapi/testclient.py: Starlette's TestClient, under FastAPI's name for it.
export { TestClient, type RequestOptions, type TestClientOptions, type TestResponse } from "../testclient.js";
