# Python twin of tests/middleware/http.test.ts's CORSMiddleware app: Starlette's own
# CORSMiddleware in every option combination of _middleware_options.json["cors"],
# config k under /k/<kind> (see _middleware_twin.py).
from _middleware_twin import twin
from starlette.middleware.cors import CORSMiddleware

app = twin(CORSMiddleware, "cors")
