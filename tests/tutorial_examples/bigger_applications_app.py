"""Loads examples/tutorial/bigger_applications/app_py as the package it is (its modules import
each other relatively, as FastAPI's sample does) for run_example.py, which loads a file by path."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "examples" / "tutorial" / "bigger_applications"))
from app_py.main import app  # noqa: E402, F401
