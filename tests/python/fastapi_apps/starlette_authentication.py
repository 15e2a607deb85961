# Twin of examples/authentication/{basic_auth,permissions,api}.ts, for the differential
# test tests/authentication_examples.test.ts and tests/fastapi/cases/starlette_authentication.ts:
# Starlette's docs' BasicAuthBackend app (/basic), the docs' permission samples (/perm) and a
# token backend with a custom error response (/api), each a Starlette app of its own.
import base64
import binascii
from urllib.parse import urlsplit

from starlette.applications import Starlette
from starlette.authentication import (
    AuthCredentials,
    AuthenticationBackend,
    AuthenticationError,
    BaseUser,
    SimpleUser,
    requires,
)
from starlette.middleware import Middleware
from starlette.middleware.authentication import AuthenticationMiddleware
from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse
from starlette.routing import Mount, Route

# ---- basic_auth.ts: the docs' sample, verbatim


class BasicAuthBackend(AuthenticationBackend):
    async def authenticate(self, conn):
        if "Authorization" not in conn.headers:
            return

        auth = conn.headers["Authorization"]
        try:
            scheme, credentials = auth.split()
            if scheme.lower() != 'basic':
                return
            decoded = base64.b64decode(credentials).decode("ascii")
        except (ValueError, UnicodeDecodeError, binascii.Error) as exc:
            raise AuthenticationError('Invalid basic auth credentials')

        username, _, password = decoded.partition(":")
        # TODO: You'd want to verify the username and password here.
        return AuthCredentials(["authenticated"]), SimpleUser(username)


async def homepage(request):
    if request.user.is_authenticated:
        return PlainTextResponse('Hello, ' + request.user.display_name)
    return PlainTextResponse('Hello, you')

routes = [
    Route("/", endpoint=homepage)
]

middleware = [
    Middleware(AuthenticationMiddleware, backend=BasicAuthBackend())
]

basic_app = Starlette(routes=routes, middleware=middleware)

# ---- permissions.ts


@requires("authenticated")
async def dashboard(request):
    return JSONResponse({"user": request.user.display_name, "scopes": request.auth.scopes})


@requires(["authenticated", "admin"], status_code=404)
async def staff(request):
    return PlainTextResponse("Staff only")


@requires("authenticated", redirect="login")
async def admin(request):
    return PlainTextResponse(f"Admin: {request.user.display_name}")


async def login(request):
    if request.method == "POST" and request.user.is_authenticated:
        next_url = request.query_params.get("next")
        if next_url and urlsplit(next_url).netloc == request.url.netloc:
            return RedirectResponse(next_url)
        return RedirectResponse("/")
    return PlainTextResponse("Log in: POST here with your credentials")


class Reports:
    count = 3

    @requires("authenticated")
    async def summary(self, request):
        return JSONResponse({"owner": request.user.identity, "reports": self.count})


reports = Reports()


async def reports_endpoint(request):
    return await reports.summary(request)


permissions_app = Starlette(
    routes=[
        Route("/dashboard", dashboard),
        Route("/staff", staff),
        Route("/admin", admin, methods=["GET", "POST"]),
        Route("/login", login, methods=["GET", "POST"]),
        Route("/reports", reports_endpoint),
    ],
    middleware=[Middleware(AuthenticationMiddleware, backend=BasicAuthBackend())],
)

# ---- api.ts


class TokenUser(BaseUser):
    def __init__(self, name, plan):
        self.name = name
        self.plan = plan

    @property
    def is_authenticated(self):
        return True

    @property
    def display_name(self):
        return self.name

    @property
    def identity(self):
        return self.name


TOKENS = {
    "s3cret": {"name": "ann", "plan": "pro", "scopes": ["authenticated", "items:read", "items:write"]},
    "r3ad": {"name": "bob", "plan": "free", "scopes": ["authenticated", "items:read"]},
}


class TokenBackend(AuthenticationBackend):
    async def authenticate(self, conn):
        auth = conn.headers.get("Authorization")
        if auth is None:
            return None
        scheme, _, token = auth.partition(" ")
        if scheme.lower() != "bearer":
            return None
        account = TOKENS.get(token.strip())
        if account is None:
            raise AuthenticationError("Invalid token")
        return AuthCredentials(account["scopes"]), TokenUser(account["name"], account["plan"])


def on_auth_error(conn, exc):
    return JSONResponse({"error": str(exc)}, status_code=401)


@requires("items:read")
async def list_items(request):
    plan = request.user.plan if isinstance(request.user, TokenUser) else None
    return JSONResponse({"user": request.user.display_name, "plan": plan, "scopes": request.auth.scopes})


@requires(["items:read", "items:write"])
async def create_item(request):
    item = await request.json()
    return JSONResponse({"created": item["name"], "by": request.user.identity}, status_code=201)


api_app = Starlette(
    routes=[Route("/items", list_items), Route("/items", create_item, methods=["POST"])],
    middleware=[Middleware(AuthenticationMiddleware, backend=TokenBackend(), on_error=on_auth_error)],
)

app = Starlette(routes=[Mount("/basic", app=basic_app), Mount("/perm", app=permissions_app), Mount("/api", app=api_app)])
