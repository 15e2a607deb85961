# Python twin of tests/middleware/http.test.ts's GZipMiddleware app: Starlette's own
# GZipMiddleware in every option combination of _middleware_options.json["gzip"],
# config k under /k/<kind> (see _middleware_twin.py).
from _middleware_twin import twin
from starlette.middleware.gzip import GZipMiddleware

app = twin(GZipMiddleware, "gzip")
