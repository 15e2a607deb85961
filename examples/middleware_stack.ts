// Print the middleware stack as it will be built, outermost first.
import { fileURLToPath } from "node:url";
import { App, Middleware } from "starlette-ts";
import { SessionMiddleware } from "starlette-ts/middleware/sessions";
import { AddHeaderMiddleware } from "./pure_middleware.js";

export const app = new App({
  middleware: [new Middleware(AddHeaderMiddleware, { name: "X-Listed", value: "first" })],
});
app.addMiddleware(SessionMiddleware, { secretKey: "example" });
app.middleware("http")(async function timing(request, callNext) {
  return callNext(request);
});

export const order = app.middlewareOrder();
// [ "ServerErrorMiddleware", "BaseHTTPMiddleware(timing)", "SessionMiddleware",
//   "AddHeaderMiddleware", "ExceptionMiddleware", "Router" ]
if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(order.join(" -> "));
