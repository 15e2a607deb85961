"""Oracle for tests/fastapi/_compat: pydantic's lax validation, as FastAPI runs it.

stdin: {"prelude": "python source defining models", "cases": [[type_expression, input], ...]}
stdout: one entry per case, {"value": output} or {"errors": [...]} where errors are
e.errors(include_url=False) made JSON-safe. FastAPI's ModelField.validate calls
TypeAdapter(...).validate_python(value, from_attributes=True): so does this script.
Non-finite floats, which JSON cannot carry, go both ways as {"$float": "inf" | "-inf" | "nan"}.
"""

import enum
import json
import math
import sys
import typing
from typing import Annotated, Any, Dict, List, Literal, Optional, Tuple, Union

import pydantic
from pydantic import BaseModel, Field, TypeAdapter, ValidationError
from pydantic_core import to_jsonable_python


def jsonable(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return {"$float": "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (str, int, bool)) or value is None:
        return value
    if isinstance(value, float):
        return value
    return jsonable(to_jsonable_python(value))


def decode(value: Any) -> Any:
    if isinstance(value, dict):
        if set(value) == {"$float"}:
            return float(value["$float"])
        return {k: decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [decode(v) for v in value]
    return value


def main() -> None:
    request = json.load(sys.stdin)
    namespace: dict[str, Any] = {
        "Annotated": Annotated, "Any": Any, "Dict": Dict, "List": List, "Literal": Literal,
        "Optional": Optional, "Tuple": Tuple, "Union": Union, "BaseModel": BaseModel,
        "Field": Field, "enum": enum, "typing": typing, "pydantic": pydantic,
    }
    exec(request.get("prelude", ""), namespace)
    adapters: dict[str, TypeAdapter[Any]] = {}
    results = []
    for expression, raw in request["cases"]:
        value = decode(raw)
        adapter = adapters.get(expression)
        if adapter is None:
            adapter = adapters[expression] = TypeAdapter(eval(expression, namespace))
        try:
            results.append({"value": jsonable(adapter.validate_python(value, from_attributes=True))})
        except ValidationError as exc:
            results.append({"errors": jsonable(exc.errors(include_url=False))})
    json.dump(results, sys.stdout)


main()
