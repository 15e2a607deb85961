// Custom Docs UI Static Assets (Self-Hosting): /docs served from the app's own copy of Swagger
// UI (the swagger-ui-dist package), no CDN; the API is the one of "Simple OAuth2 with Password
// and Bearer", so the docs can log in and call a protected path operation.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { Depends, FastAPI, HTTPException, Request, status } from "starlette-ts/fastapi";
import { getSwaggerUiHtml, getSwaggerUiOauth2RedirectHtml } from "starlette-ts/fastapi/openapi/docs";
import { OAuth2PasswordBearer, OAuth2PasswordRequestForm } from "starlette-ts/fastapi/security";
import { StaticFiles } from "starlette-ts/fastapi/staticfiles";
import * as z from "zod";

export const app = new FastAPI({ docsUrl: null, redocUrl: null });

// FastAPI's sample mounts a folder "static" holding the downloaded files; npm already keeps
// them in the swagger-ui-dist package, so its folder is the one mounted.
const swaggerUiDist = new URL(".", import.meta.resolve("swagger-ui-dist/package.json"));
app.mount("/static", new StaticFiles({ directory: swaggerUiDist }), "static");

app.get("/docs", { includeInSchema: false, params: { req: Request } }, async function customSwaggerUiHtml({ req }) {
  const rootPath = (req.scope.root_path ?? "").replace(/\/+$/, "");
  return getSwaggerUiHtml({
    openapiUrl: `${rootPath}${app.openapiUrl}`,
    title: `${app.title} - Swagger UI`,
    oauth2RedirectUrl: `${rootPath}${app.swaggerUiOauth2RedirectUrl}`,
    swaggerJsUrl: `${rootPath}/static/swagger-ui-bundle.js`,
    swaggerCssUrl: `${rootPath}/static/swagger-ui.css`,
  });
});

app.get("/docs/oauth2-redirect", { includeInSchema: false }, async function swaggerUiRedirect() {
  return getSwaggerUiOauth2RedirectHtml();
});

// The API: a password login at /token, and /users/me for the user the token names.
const fakeUsersDb: Record<string, Record<string, unknown>> = {
  johndoe: { username: "johndoe", full_name: "John Doe", email: "johndoe@example.com", hashed_password: "fakehashedsecret", disabled: false },
  alice: { username: "alice", full_name: "Alice Wonderson", email: "alice@example.com", hashed_password: "fakehashedsecret2", disabled: true },
};

const fakeHashPassword = (password: string) => "fakehashed" + password;

const oauth2Scheme = new OAuth2PasswordBearer({ tokenUrl: "token" });

const UserInDB = z.object({
  username: z.string(),
  email: z.string().nullable().default(null),
  full_name: z.string().nullable().default(null),
  disabled: z.boolean().nullable().default(null),
  hashed_password: z.string(),
});
type UserInDB = z.infer<typeof UserInDB>;

function getUser(username: string): UserInDB | null {
  return Object.hasOwn(fakeUsersDb, username) ? UserInDB.parse(fakeUsersDb[username]) : null;
}

// No security at all: the token is the username (the next chapter signs real tokens).
async function getCurrentUser({ token }: { token: string }) {
  const user = getUser(token);
  if (!user) throw new HTTPException(status.HTTP_401_UNAUTHORIZED, "Not authenticated", { "WWW-Authenticate": "Bearer" });
  return user;
}

async function getCurrentActiveUser({ currentUser }: { currentUser: UserInDB }) {
  if (currentUser.disabled) throw new HTTPException(400, "Inactive user");
  return currentUser;
}

app.post("/token", { params: { form_data: Depends(OAuth2PasswordRequestForm) } }, async function login({ form_data }) {
  const user = getUser(form_data.username);
  if (!user || fakeHashPassword(form_data.password) !== user.hashed_password) {
    throw new HTTPException(400, "Incorrect username or password");
  }
  return { access_token: user.username, token_type: "bearer" };
});

const currentUser = Depends(getCurrentUser, { params: { token: Depends(oauth2Scheme) } });
const currentActiveUser = Depends(getCurrentActiveUser, { params: { currentUser } });

app.get("/users/me", { params: { current_user: currentActiveUser } }, async function readUsersMe({ current_user }) {
  return current_user;
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app);
