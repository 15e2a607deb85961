// Reading headers and cookies; setting response headers and cookies.
import { fileURLToPath } from "node:url";
import { App, JSONResponse, serve, type Request } from "starlette-ts";

export const app = new App();

app.get("/agent")((request: Request) => ({
  user_agent: request.headers.get("user-agent"),
  x_token: request.headers.getlist("x-token"), // repeated headers
}));

app.get("/cookie")((request: Request) => ({ ads_id: request.cookies.ads_id ?? null }));

app.get("/set")(() => {
  const response = new JSONResponse({ message: "cookie set" });
  response.headers.set("X-Cat-Dog", "alone in the world");
  response.setCookie("fakesession", "fake-cookie-session-value", { maxAge: 3600, httponly: true });
  return response;
});

app.get("/forget")(() => {
  const response = new JSONResponse({ message: "cookie deleted" });
  response.deleteCookie("fakesession");
  return response;
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app);
