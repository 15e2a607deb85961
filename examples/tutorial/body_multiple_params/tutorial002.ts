// Two bodies: the JSON holds each under its parameter's name.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { Body, FastAPI, Path } from "starlette-ts/fastapi";
import * as z from "zod";

export const app = new FastAPI();

const Item = z.object({
  name: z.string(),
  description: z.string().nullable().default(null),
  price: z.number(),
  tax: z.number().nullable().default(null),
});

const User = z.object({
  username: z.string(),
  full_name: z.string().nullable().default(null),
});

app.put(
  "/items/{item_id}",
  { params: { item_id: Path(z.int()), item: Body(Item), user: Body(User) } },
  async function updateItem({ item_id, item, user }) {
    const results = { item_id, item, user };
    return results;
  },
);

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
