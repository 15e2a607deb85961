// Twin of tests/python/fastapi_apps/header_params.py (docs_src/header_params, tutorial001-003).
import * as z from "zod";
import { FastAPI, Header } from "../../../src/fastapi/index.js";

export const app = new FastAPI();

// tutorial001: user_agent reads the User-Agent header
app.get("/items/", { params: { user_agent: Header(z.string().nullable().default(null)) } }, async function readItems({ user_agent }) {
  return { "User-Agent": user_agent };
});

// tutorial002: the name as written, underscore and all
app.get(
  "/t002/items/",
  { params: { strange_header: Header(z.string().nullable().default(null), { convertUnderscores: false }) } },
  async function readItems002({ strange_header }) {
    return { strange_header };
  },
);

// tutorial003: duplicate headers as a list
app.get("/t003/items/", { params: { x_token: Header(z.array(z.string()).nullable().default(null)) } }, async function readItems003({ x_token }) {
  return { "X-Token values": x_token };
});
