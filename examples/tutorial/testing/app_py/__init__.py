# The app package (FastAPI's app/__init__.py): test_main imports main relatively.
