// Metadata and Docs URLs: the license given by its SPDX identifier instead of a URL.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI } from "starlette-ts/fastapi";

export const app = new FastAPI({
  title: "ChimichangApp",
  summary: "Deadpool's favorite app. Nuff said.",
  version: "0.0.1",
  licenseInfo: {
    name: "Apache 2.0",
    identifier: "Apache-2.0",
  },
});

app.get("/items/", async function readItems() {
  return [{ name: "Katana" }];
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
