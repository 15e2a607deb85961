// Permissions with requires(): one scope, several, a 404 instead of the 403, a
// redirect to the login page with the URL asked for in ?next=, and a method.
import { fileURLToPath } from "node:url";
import { App, JSONResponse, Middleware, PlainTextResponse, RedirectResponse, Route, serve, URL, type Request } from "starlette-ts";
import { requires } from "starlette-ts/authentication";
import { AuthenticationMiddleware } from "starlette-ts/middleware/authentication";
import { BasicAuthBackend } from "./basic_auth.js";

const dashboard = requires("authenticated")(async (request: Request) => {
  return new JSONResponse({ user: request.user.displayName, scopes: request.auth.scopes });
});

// Nobody here has "admin": everyone gets the 404, as if the page did not exist.
const staff = requires(["authenticated", "admin"], { statusCode: 404 })(async () => {
  return new PlainTextResponse("Staff only");
});

const admin = requires("authenticated", { redirect: "login" })(async (request: Request) => {
  return new PlainTextResponse(`Admin: ${request.user.displayName}`);
});

async function login(request: Request) {
  if (request.method === "POST" && request.user.isAuthenticated) {
    // Now that the user is authenticated, send them to their original destination:
    // only on this site, or anyone could send your users elsewhere through ?next=.
    const nextUrl = request.queryParams.get("next");
    if (nextUrl && new URL(nextUrl).netloc === request.url.netloc) return new RedirectResponse(nextUrl);
    return new RedirectResponse("/");
  }
  return new PlainTextResponse("Log in: POST here with your credentials");
}

// A handler that is a method: the decorator keeps `this`.
class Reports {
  readonly count = 3;

  @requires("authenticated")
  async summary(request: Request) {
    return new JSONResponse({ owner: request.user.identity, reports: this.count });
  }
}
const reports = new Reports();

export const app = new App({
  routes: [
    new Route("/dashboard", dashboard),
    new Route("/staff", staff),
    new Route("/admin", admin, { methods: ["GET", "POST"] }),
    new Route("/login", login, { methods: ["GET", "POST"] }),
    new Route("/reports", (request: Request) => reports.summary(request)),
  ],
  middleware: [new Middleware(AuthenticationMiddleware, { backend: new BasicAuthBackend() })],
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app);
