// The example app that `npm start` serves: FastAPI's first steps, a session
// counter and an http middleware, on http://127.0.0.1:8000.
import { App, HTTPException, serve, type Request } from "starlette-ts";
import { SessionMiddleware } from "starlette-ts/middleware/sessions";

export const app = new App();

app.middleware("http")(async function addProcessTime(request, callNext) {
  const start = performance.now();
  const response = await callNext(request);
  response.headers.set("X-Process-Time", String((performance.now() - start) / 1000));
  return response;
});

// Added after the http middleware, so it wraps it: the middleware may read request.session.
app.addMiddleware(SessionMiddleware, { secretKey: process.env.SECRET_KEY ?? "change-me-in-production" });

app.get("/")(() => ({ Hello: "World" }));

app.get("/items/{item_id:int}")((request: Request) => {
  const itemId = request.pathParams.item_id as number;
  if (itemId === 0) throw new HTTPException(404, "Item not found");
  return { item_id: itemId, q: request.queryParams.get("q") };
});

app.get("/counter")((request: Request) => {
  const count = (request.session.get<number>("count") ?? 0) + 1;
  request.session.set("count", count);
  return { count };
});

app.post("/logout")((request: Request) => {
  request.session.clear();
  return { message: "Logged out" };
});

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.PORT ?? 8000);
  await serve(app, { host: process.env.HOST ?? "127.0.0.1", port });
}
