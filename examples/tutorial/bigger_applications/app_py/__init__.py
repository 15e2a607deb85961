# The app package (FastAPI's app/__init__.py): its modules import each other relatively.
