# Python twin of tests/middleware/http.test.ts's HTTPSRedirectMiddleware app: Starlette's own
# HTTPSRedirectMiddleware in every option combination of _middleware_options.json["httpsredirect"],
# config k under /k/<kind> (see _middleware_twin.py).
from _middleware_twin import twin
from starlette.middleware.httpsredirect import HTTPSRedirectMiddleware

app = twin(HTTPSRedirectMiddleware, "httpsredirect")
