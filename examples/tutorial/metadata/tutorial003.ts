// Metadata and Docs URLs: a description and external docs for each tag, in the order the docs list them.
import { fileURLToPath } from "node:url";
import { serve } from "starlette-ts";
import { FastAPI } from "starlette-ts/fastapi";

const tagsMetadata = [
  {
    name: "users",
    description: "Operations with users. The **login** logic is also here.",
  },
  {
    name: "items",
    description: "Manage items. So _fancy_ they have their own docs.",
    externalDocs: {
      description: "Items external docs",
      url: "https://fastapi.tiangolo.com/",
    },
  },
];

export const app = new FastAPI({ openapiTags: tagsMetadata });

app.get("/users/", { tags: ["users"] }, async function getUsers() {
  return [{ name: "Harry" }, { name: "Ron" }];
});

app.get("/items/", { tags: ["items"] }, async function getItems() {
  return [{ name: "wand" }, { name: "flying broom" }];
});

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve(app, { port: 8000 });
