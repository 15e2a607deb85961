# Python twin of tests/middleware/http.test.ts's TrustedHostMiddleware app: Starlette's own
# TrustedHostMiddleware in every option combination of _middleware_options.json["trustedhost"],
# config k under /k/<kind> (see _middleware_twin.py).
from _middleware_twin import twin
from starlette.middleware.trustedhost import TrustedHostMiddleware

app = twin(TrustedHostMiddleware, "trustedhost")
