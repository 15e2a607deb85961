// A token backend with a user class of its own (read back without a cast), and a
// JSON 401 instead of Starlette's 400 text when a token is wrong.
import { fileURLToPath } from "node:url";
import { App, JSONResponse, Middleware, Route, serve, type HTTPConnection, type Request } from "starlette-ts";
import { AuthCredentials, AuthenticationBackend, AuthenticationError, BaseUser, requires, type AuthResult } from "starlette-ts/authentication";
import { AuthenticationMiddleware } from "starlette-ts/middleware/authentication";

export class TokenUser extends BaseUser {
  constructor(
    readonly name: string,
    readonly plan: "free" | "pro",
  ) {
    super();
  }
  get isAuthenticated() {
    return true;
  }
  get displayName() {
    return this.name;
  }
  get identity() {
    return this.name;
  }
}

interface Account {
  name: string;
  plan: "free" | "pro";
  scopes: string[];
}

const TOKENS = new Map<string, Account>([
  ["s3cret", { name: "ann", plan: "pro", scopes: ["authenticated", "items:read", "items:write"] }],
  ["r3ad", { name: "bob", plan: "free", scopes: ["authenticated", "items:read"] }],
]);

class TokenBackend extends AuthenticationBackend<TokenUser> {
  async authenticate(conn: HTTPConnection): Promise<AuthResult<TokenUser> | null> {
    const auth = conn.headers.get("Authorization");
    if (auth === null) return null;
    const [scheme, ...token] = auth.split(" ");
    if (scheme.toLowerCase() !== "bearer") return null;
    const account = TOKENS.get(token.join(" ").trim());
    if (account === undefined) throw new AuthenticationError("Invalid token");
    return [new AuthCredentials(account.scopes), new TokenUser(account.name, account.plan)];
  }
}

function onAuthError(conn: HTTPConnection, exc: AuthenticationError) {
  return new JSONResponse({ error: exc.message }, { statusCode: 401 });
}

const listItems = requires("items:read")(async (request: Request) => {
  // request.user is a BaseUser; instanceof narrows it to the class the backend made.
  const plan = request.user instanceof TokenUser ? request.user.plan : null;
  return new JSONResponse({ user: request.user.displayName, plan, scopes: request.auth.scopes });
});

const createItem = requires(["items:read", "items:write"])(async (request: Request) => {
  const item = await request.json<{ name: string }>();
  return new JSONResponse({ created: item.name, by: request.user.identity }, { statusCode: 201 });
});

export const app = new App({
  routes: [new Route("/items", listItems), new Route("/items", createItem, { methods: ["POST"] })],
  middleware: [new Middleware(AuthenticationMiddleware, { backend: new TokenBackend(), onError: onAuthError })],
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app);
