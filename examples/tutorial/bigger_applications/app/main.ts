// Bigger Applications: app/main.ts, the FastAPI app that includes the routers.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI } from "starlette-ts/fastapi";
import { QueryTokenDep, TokenHeaderDep } from "./dependencies.js";
import * as admin from "./internal/admin.js";
import * as items from "./routers/items.js";
import * as users from "./routers/users.js";

export const app = new FastAPI({ dependencies: [QueryTokenDep] });

app.includeRouter(users.router);
app.includeRouter(items.router);
app.includeRouter(admin.router, {
  prefix: "/admin",
  tags: ["admin"],
  dependencies: [TokenHeaderDep],
  responses: { 418: { description: "I'm a teapot" } },
});

app.get("/", async function root() {
  return { message: "Hello Bigger Applications!" };
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
