// Starlette's docs' first authentication sample: a backend that reads HTTP Basic
// credentials, and a homepage that greets the user it found.
import { fileURLToPath } from "node:url";
import { App, Middleware, PlainTextResponse, Route, serve, type HTTPConnection, type Request } from "starlette-ts";
import { AuthCredentials, AuthenticationBackend, AuthenticationError, SimpleUser, type AuthResult } from "starlette-ts/authentication";
import { AuthenticationMiddleware } from "starlette-ts/middleware/authentication";

// Python's base64.b64decode(text).decode("ascii"), with null where Python raises.
function decodeBase64Ascii(text: string): string | null {
  const data = text.replace(/[^A-Za-z0-9+/=]/g, ""); // b64decode drops other characters first
  if (data.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(data)) return null;
  const bytes = Buffer.from(data, "base64");
  return bytes.every((b) => b < 0x80) ? bytes.toString("ascii") : null;
}

export class BasicAuthBackend extends AuthenticationBackend {
  async authenticate(conn: HTTPConnection): Promise<AuthResult | null> {
    const auth = conn.headers.get("Authorization");
    if (auth === null) return null;

    const [scheme, credentials, ...extra] = auth.trim().split(/\s+/);
    if (credentials === undefined || extra.length > 0) throw new AuthenticationError("Invalid basic auth credentials");
    if (scheme.toLowerCase() !== "basic") return null;
    const decoded = decodeBase64Ascii(credentials);
    if (decoded === null) throw new AuthenticationError("Invalid basic auth credentials");

    const username = decoded.split(":")[0];
    // TODO: You'd want to verify the username and password here.
    return [new AuthCredentials(["authenticated"]), new SimpleUser(username)];
  }
}

async function homepage(request: Request) {
  if (request.user.isAuthenticated) {
    return new PlainTextResponse("Hello, " + request.user.displayName);
  }
  return new PlainTextResponse("Hello, you");
}

const routes = [new Route("/", homepage)];

const middleware = [new Middleware(AuthenticationMiddleware, { backend: new BasicAuthBackend() })];

export const app = new App({ routes, middleware });

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app);
