// Metadata and Docs URLs: the API's title, summary, description (Markdown), version, terms, contact and license.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI } from "starlette-ts/fastapi";

const description = `
ChimichangApp API helps you do awesome stuff. 🚀

## Items

You can **read items**.

## Users

You will be able to:

* **Create users** (_not implemented_).
* **Read users** (_not implemented_).
`;

export const app = new FastAPI({
  title: "ChimichangApp",
  description,
  summary: "Deadpool's favorite app. Nuff said.",
  version: "0.0.1",
  termsOfService: "http://example.com/terms/",
  contact: {
    name: "Deadpoolio the Amazing",
    url: "http://x-force.example.com/contact/",
    email: "dp@x-force.example.com",
  },
  licenseInfo: {
    name: "Apache 2.0",
    url: "https://www.apache.org/licenses/LICENSE-2.0.html",
  },
});

app.get("/items/", async function readItems() {
  return [{ name: "Katana" }];
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
