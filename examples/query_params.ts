// Query parameters: defaults, optional values, numbers, booleans, repeated keys.
import { fileURLToPath } from "node:url";
import { App, serve, type Request } from "starlette-ts";

const fakeItems = [{ item_name: "Foo" }, { item_name: "Bar" }, { item_name: "Baz" }];

export const app = new App();

app.get("/items/")((request: Request) => {
  const skip = Number(request.queryParams.get("skip", "0"));
  const limit = Number(request.queryParams.get("limit", "10"));
  return fakeItems.slice(skip, skip + limit);
});

app.get("/items/{item_id}")((request: Request) => {
  const q = request.queryParams.get("q"); // null when absent, like Python's None
  const short = ["1", "true", "on", "yes"].includes((request.queryParams.get("short") ?? "").toLowerCase());
  const item: Record<string, unknown> = { item_id: request.pathParams.item_id };
  if (q !== null) item.q = q;
  if (!short) item.description = "This is an amazing item that has a long description";
  return item;
});

app.get("/tags")((request: Request) => ({ tags: request.queryParams.getlist("tag") }));

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app);
