// Elysia 1.4 on Node (@elysiajs/node), validating with zod through Standard Schema.
import { node } from "@elysiajs/node";
import { Elysia } from "elysia";
import { Item, SearchQuery } from "./validation-schemas.mjs";

new Elysia({ adapter: node() })
  // Elysia answers a body that is not JSON with 400 (a failed validation already gets 422); FastAPI's status is 422.
  .onError(({ code, set }) => {
    if (code === "PARSE") {
      set.status = 422;
      return { detail: "JSON decode error" };
    }
  })
  .post("/items", ({ body }) => body, { body: Item })
  .get("/search", ({ query }) => query, { query: SearchQuery })
  .listen({ port: Number(process.env.PORT), hostname: "127.0.0.1" });
