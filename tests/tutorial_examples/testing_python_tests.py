"""Runs the test functions of the Testing chapter's Python samples (examples/tutorial/testing),
each as pytest would call it, and serves the outcome as `app`: GET / answers
{"<module>::<test>": "passed" | "failed: <error>"}. run_example.py loads this file beside the
samples, so tests/tutorial_examples/testing.test.ts checks them in its one Python process."""
import importlib
import sys
from pathlib import Path

from fastapi import FastAPI

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "examples" / "tutorial" / "testing"))

results = {}
for name in ["tutorial001", "tutorial002", "app_py.test_main"]:
    module = importlib.import_module(name)
    for attr, value in vars(module).items():
        if attr.startswith("test_") and callable(value):
            try:
                value()
                results[f"{name}::{attr}"] = "passed"
            except Exception as exc:  # noqa: BLE001 - reported, not raised
                results[f"{name}::{attr}"] = f"failed: {exc!r}"

app = FastAPI()


@app.get("/")
def outcome():
    return results
