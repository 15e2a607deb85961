// A login/logout app with sessions. The secret comes from the environment:
//   SECRET_KEY=$(node -e 'console.log(crypto.randomBytes(32).toString("hex"))') npm start
import { fileURLToPath } from "node:url";
import { App, HTMLResponse, RedirectResponse, serve, type Request } from "starlette-ts";
import { SessionMiddleware } from "starlette-ts/middleware/sessions";

export const app = new App();
app.addMiddleware(SessionMiddleware, { secretKey: process.env.SECRET_KEY ?? "dev-only-secret" });

app.get("/")((request: Request) => {
  const user = request.session.get<string>("user");
  if (user === null) return new HTMLResponse(`<form method="post" action="/login"><input name="username"><button>Log in</button></form>`);
  return new HTMLResponse(`<p>Hello, <b id="user">${user.replace(/[<>&"]/g, "")}</b></p><form method="post" action="/logout"><button>Log out</button></form>`);
});

app.post("/login")(async (request: Request) => {
  const form = await request.form();
  request.session.set("user", String(form.get("username") ?? "anonymous"));
  return new RedirectResponse("/", { statusCode: 303 });
});

app.post("/logout")((request: Request) => {
  request.session.clear();
  return new RedirectResponse("/", { statusCode: 303 });
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app);
