# Generating SDKs: take the tag prefix off each operation ID of a saved openapi.json
# ("items-get_items" becomes "get_items"), before a client is generated from it.
import json
import sys
from pathlib import Path


def modify_openapi_file(file_path: Path):
    openapi_content = json.loads(file_path.read_text())

    for path_data in openapi_content["paths"].values():
        for operation in path_data.values():
            tag = operation["tags"][0]
            operation_id = operation["operationId"]
            to_remove = f"{tag}-"
            new_operation_id = operation_id[len(to_remove) :]
            operation["operationId"] = new_operation_id

    file_path.write_text(json.dumps(openapi_content))


if __name__ == "__main__":
    modify_openapi_file(Path(sys.argv[1] if len(sys.argv) > 1 else "./openapi.json"))
