# Runs a FastAPI app given as source through FastAPI's TestClient, for the layer's unit tests
# that compare with FastAPI without starting a server. Reads JSON on stdin:
#   {"source": <Python source defining `app`>,
#    "requests": [{"method": str, "path": str, "json"?: value, "content"?: str, "headers"?: {k: v}}]}
# and writes [{"status": int, "content_type": str | null, "text": str}, ...]. The source is run with
# exec(), so the endpoints have no source file: FastAPI's error messages name no file and line.
import json
import sys
import warnings

warnings.simplefilter("ignore")
from fastapi.testclient import TestClient  # noqa: E402

spec = json.load(sys.stdin)
namespace: dict = {}
exec(spec["source"], namespace)
client = TestClient(namespace["app"], raise_server_exceptions=False)
out = []
for r in spec["requests"]:
    kwargs = {key: r[key] for key in ("json", "content", "headers") if key in r}
    response = client.request(r["method"], r["path"], **kwargs)
    out.append({"status": response.status_code, "content_type": response.headers.get("content-type"), "text": response.text})
json.dump(out, sys.stdout)
