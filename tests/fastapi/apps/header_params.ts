// Twin of tests/python/fastapi_apps/header_params.py (docs_src/header_params, tutorial001-003).
// Written in a kit's schemas (tests/fastapi/kits): the same app with zod, valibot or arktype.
import { FastAPI, Header } from "../../../src/fastapi/index.js";
import type { Kit } from "../kits/kit.js";
import { zodKit } from "../kits/zod.js";

export function makeApp(s: Kit): FastAPI {
  const app = new FastAPI();

  // tutorial001: user_agent reads the User-Agent header
  app.get("/items/", { params: { user_agent: Header(s.orNone(s.string())) } }, async function readItems({ user_agent }) {
    return { "User-Agent": user_agent };
  });

  // tutorial002: the name as written, underscore and all
  app.get(
    "/t002/items/",
    { params: { strange_header: Header(s.orNone(s.string()), { convertUnderscores: false }) } },
    async function readItems002({ strange_header }) {
      return { strange_header };
    },
  );

  // tutorial003: duplicate headers as a list
  app.get("/t003/items/", { params: { x_token: Header(s.orNone(s.array(s.string()))) } }, async function readItems003({ x_token }) {
    return { "X-Token values": x_token };
  });

  return app;
}

export const app = makeApp(zodKit);
