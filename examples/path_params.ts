// Path parameters and convertors: {name}, {name:int}, {name:float}, {name:path}, {name:uuid}.
import { fileURLToPath } from "node:url";
import { App, serve, type Request } from "starlette-ts";

export const app = new App();

app.get("/items/{item_id:int}")((request: Request) => {
  const itemId = request.pathParams.item_id as number; // already a number
  return { item_id: itemId };
});

// Order matters: /users/me is declared before /users/{user_id}, or "me" would match it.
app.get("/users/me")(() => ({ user_id: "the current user" }));
app.get("/users/{user_id}")((request: Request) => ({ user_id: request.pathParams.user_id }));

app.get("/files/{file_path:path}")((request: Request) => ({ file_path: request.pathParams.file_path }));
app.get("/prices/{amount:float}")((request: Request) => ({ amount: request.pathParams.amount }));
app.get("/orders/{order_id:uuid}")((request: Request) => ({ order_id: request.pathParams.order_id }));

// URLs for named routes: the route's name is its handler's name.
app.get("/named/{slug}")(function namedRoute(request: Request) {
  return { url: app.urlPathFor("namedRoute", { slug: request.pathParams.slug }) };
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app);
