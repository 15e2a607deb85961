// Hono 4 on @hono/node-server, validating with @hono/zod-validator.
import { serve } from "@hono/node-server";
import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { Item, SearchQuery } from "./validation-schemas.mjs";

// zValidator answers a failed validation with 400; FastAPI's status is 422.
const unprocessable = (result, c) => {
  if (!result.success) return c.json({ detail: result.error.issues }, 422);
};

const app = new Hono();
app.post("/items", zValidator("json", Item, unprocessable), (c) => c.json(c.req.valid("json")));
app.get("/search", zValidator("query", SearchQuery, unprocessable), (c) => c.json(c.req.valid("query")));
// Hono's validator throws a 400 for a body that is not JSON; FastAPI's status is 422 there too.
app.onError((error, c) => {
  if (!(error instanceof HTTPException)) return c.text("Internal Server Error", 500);
  return error.status === 400 ? c.json({ detail: error.message }, 422) : error.getResponse();
});

serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: "127.0.0.1" });
