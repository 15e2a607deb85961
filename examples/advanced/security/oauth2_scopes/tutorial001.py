# OAuth2 scopes: the token carries the scopes the user granted; Security(..., scopes=[...])
# declares what each path operation and dependency needs, and SecurityScopes gathers them for
# the dependency that checks the token. As in the JWT chapter's twin, jwt_encode / jwt_decode and
# PasswordHash stand in for PyJWT and pwdlib.
import base64
import hashlib
import hmac
import json
import secrets
from calendar import timegm
from datetime import datetime, timedelta, timezone
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Security, status
from fastapi.security import (
    OAuth2PasswordBearer,
    OAuth2PasswordRequestForm,
    SecurityScopes,
)
from pydantic import BaseModel, ValidationError


class InvalidTokenError(Exception):
    pass


def b64encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def hs256(signing_input: str, key: str) -> str:
    return b64encode(hmac.new(key.encode(), signing_input.encode(), hashlib.sha256).digest())


def jwt_encode(payload: dict, key: str, algorithm: str) -> str:
    # As PyJWT does, a datetime claim becomes seconds since the epoch.
    claims = {k: timegm(v.utctimetuple()) if isinstance(v, datetime) else v for k, v in payload.items()}
    header = b64encode(json.dumps({"alg": algorithm, "typ": "JWT"}, separators=(",", ":")).encode())
    body = b64encode(json.dumps(claims, separators=(",", ":")).encode())
    return f"{header}.{body}.{hs256(f'{header}.{body}', key)}"


def jwt_decode(token: str, key: str, algorithms: list[str]) -> dict:
    try:
        header, body, signature = token.split(".")
        if not hmac.compare_digest(signature.encode(), hs256(f"{header}.{body}", key).encode()):
            raise InvalidTokenError("Signature verification failed")
        if json.loads(b64decode(header)).get("alg") not in algorithms:
            raise InvalidTokenError("The specified alg value is not allowed")
        payload = json.loads(b64decode(body))
    except (ValueError, AttributeError) as exc:
        raise InvalidTokenError("Invalid token") from exc
    if not isinstance(payload, dict):
        raise InvalidTokenError("Invalid payload")
    if "exp" in payload and payload["exp"] <= timegm(datetime.now(timezone.utc).utctimetuple()):
        raise InvalidTokenError("Signature has expired")
    return payload


class PasswordHash:
    # "$scrypt$ln=14,r=8,p=1$<salt>$<key>": the hash keeps its salt and its cost.
    @classmethod
    def recommended(cls):
        return cls()

    def hash(self, password: str) -> str:
        salt = secrets.token_bytes(16)
        key = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1, dklen=32)
        return f"$scrypt$ln=14,r=8,p=1${b64encode(salt)}${b64encode(key)}"

    def verify(self, password: str, hashed: str) -> bool:
        _, scheme, cost, salt, key = hashed.split("$")
        ln, r, p = (int(part.split("=")[1]) for part in cost.split(","))
        expected = b64decode(key)
        if scheme != "scrypt" or len(expected) < 16:
            return False
        actual = hashlib.scrypt(password.encode(), salt=b64decode(salt), n=2**ln, r=r, p=p, dklen=len(expected))
        return hmac.compare_digest(actual, expected)


# to get a string like this run:
# openssl rand -hex 32
SECRET_KEY = "09d25e094faa6ca2556c818166b7a9563b93f7099f6f0f4caa6cf63b88e8d3e7"
ALGORITHM = "HS256"
ACCESS_TOKEN_EXPIRE_MINUTES = 30


fake_users_db = {
    "johndoe": {
        "username": "johndoe",
        "full_name": "John Doe",
        "email": "johndoe@example.com",
        "hashed_password": "$scrypt$ln=14,r=8,p=1$_yyaut8iplo4fN5ToZTvyg$7eZYSGvxNvwj9qFx07F68ClThTxPYlnTQawaIjXOjcY",
        "disabled": False,
    },
    "alice": {
        "username": "alice",
        "full_name": "Alice Chains",
        "email": "alicechains@example.com",
        "hashed_password": "$scrypt$ln=14,r=8,p=1$mDrtMwkO4KXPWyTy-ibbjg$aZY3nj1rFQ5xPv8LJz7gYbXKB4JVIwy9SBGQY3ZglMw",
        "disabled": True,
    },
}


class Token(BaseModel):
    access_token: str
    token_type: str


class TokenData(BaseModel):
    username: str | None = None
    scopes: list[str] = []


class User(BaseModel):
    username: str
    email: str | None = None
    full_name: str | None = None
    disabled: bool | None = None


class UserInDB(User):
    hashed_password: str


password_hash = PasswordHash.recommended()

DUMMY_HASH = password_hash.hash("dummypassword")

oauth2_scheme = OAuth2PasswordBearer(
    tokenUrl="token",
    scopes={"me": "Read information about the current user.", "items": "Read items."},
)

app = FastAPI()


def verify_password(plain_password, hashed_password):
    return password_hash.verify(plain_password, hashed_password)


def get_password_hash(password):
    return password_hash.hash(password)


def get_user(db, username: str):
    if username in db:
        user_dict = db[username]
        return UserInDB(**user_dict)


def authenticate_user(fake_db, username: str, password: str):
    user = get_user(fake_db, username)
    if not user:
        verify_password(password, DUMMY_HASH)
        return False
    if not verify_password(password, user.hashed_password):
        return False
    return user


def create_access_token(data: dict, expires_delta: timedelta | None = None):
    to_encode = data.copy()
    if expires_delta:
        expire = datetime.now(timezone.utc) + expires_delta
    else:
        expire = datetime.now(timezone.utc) + timedelta(minutes=15)
    to_encode.update({"exp": expire})
    encoded_jwt = jwt_encode(to_encode, SECRET_KEY, algorithm=ALGORITHM)
    return encoded_jwt


async def get_current_user(
    security_scopes: SecurityScopes, token: Annotated[str, Depends(oauth2_scheme)]
):
    if security_scopes.scopes:
        authenticate_value = f'Bearer scope="{security_scopes.scope_str}"'
    else:
        authenticate_value = "Bearer"
    credentials_exception = HTTPException(
        status_code=status.HTTP_401_UNAUTHORIZED,
        detail="Could not validate credentials",
        headers={"WWW-Authenticate": authenticate_value},
    )
    try:
        payload = jwt_decode(token, SECRET_KEY, algorithms=[ALGORITHM])
        username = payload.get("sub")
        if username is None:
            raise credentials_exception
        scope: str = payload.get("scope", "")
        token_scopes = scope.split(" ")
        token_data = TokenData(scopes=token_scopes, username=username)
    except (InvalidTokenError, ValidationError):
        raise credentials_exception
    user = get_user(fake_users_db, username=token_data.username)
    if user is None:
        raise credentials_exception
    for scope in security_scopes.scopes:
        if scope not in token_data.scopes:
            raise HTTPException(
                status_code=status.HTTP_401_UNAUTHORIZED,
                detail="Not enough permissions",
                headers={"WWW-Authenticate": authenticate_value},
            )
    return user


async def get_current_active_user(
    current_user: Annotated[User, Security(get_current_user, scopes=["me"])],
):
    if current_user.disabled:
        raise HTTPException(status_code=400, detail="Inactive user")
    return current_user


@app.post("/token")
async def login_for_access_token(
    form_data: Annotated[OAuth2PasswordRequestForm, Depends()],
) -> Token:
    user = authenticate_user(fake_users_db, form_data.username, form_data.password)
    if not user:
        raise HTTPException(status_code=400, detail="Incorrect username or password")
    access_token_expires = timedelta(minutes=ACCESS_TOKEN_EXPIRE_MINUTES)
    access_token = create_access_token(
        data={"sub": user.username, "scope": " ".join(form_data.scopes)},
        expires_delta=access_token_expires,
    )
    return Token(access_token=access_token, token_type="bearer")


@app.get("/users/me/")
async def read_users_me(
    current_user: Annotated[User, Depends(get_current_active_user)],
) -> User:
    return current_user


@app.get("/users/me/items/")
async def read_own_items(
    current_user: Annotated[User, Security(get_current_active_user, scopes=["items"])],
):
    return [{"item_id": "Foo", "owner": current_user.username}]


@app.get("/status/")
async def read_system_status(current_user: Annotated[User, Depends(get_current_user)]):
    return {"status": "ok"}
