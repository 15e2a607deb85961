// Twin of tests/python/fastapi_apps/request_forms.py (docs_src/request_forms, tutorial001).
// Written in a kit's schemas (tests/fastapi/kits): the same app with zod, valibot or arktype.
import { FastAPI, Form } from "../../../src/fastapi/index.js";
import type { Kit } from "../kits/kit.js";
import { zodKit } from "../kits/zod.js";

export function makeApp(s: Kit): FastAPI {
  const app = new FastAPI();

  app.post("/login/", { params: { username: Form(s.string()), password: Form(s.string()) } }, async function login({ username }) {
    return { username };
  });

  return app;
}

export const app = makeApp(zodKit);
