// starlette-ts's FastAPI layer (the built package, dist/fastapi/): the two routes declared as the
// FastAPI docs declare them, validated by the layer.
import { z } from "zod";
import { serve } from "../../dist/index.js";
import { Body, FastAPI, Query } from "../../dist/fastapi/index.js";
import { Item } from "./validation-schemas.mjs";

const app = new FastAPI();
app.post("/items", { params: { item: Body(Item) } }, ({ item }) => item);
app.get(
  "/search",
  { params: { q: Query(z.string().min(2)), limit: Query(z.int().min(1).max(100).default(10)), offset: Query(z.int().min(0).default(0)) } },
  ({ q, limit, offset }) => ({ q, limit, offset }),
);

await serve(app, { host: "127.0.0.1", port: Number(process.env.PORT), accessLog: false, log: () => undefined });
