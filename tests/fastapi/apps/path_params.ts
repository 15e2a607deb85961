// Twin of tests/python/fastapi_apps/path_params.py (docs_src/path_params, tutorial001-005),
// written in a kit's schemas (tests/fastapi/kits): the same app with zod, valibot or arktype.
import { FastAPI, Path } from "../../../src/fastapi/index.js";
import type { Kit } from "../kits/kit.js";
import { zodKit } from "../kits/zod.js";

export function makeApp(s: Kit): FastAPI {
  const ModelName = s.enum(["alexnet", "resnet", "lenet"], "ModelName");

  const app = new FastAPI();

  // tutorial001: no type, the raw string
  app.get("/t001/items/{item_id}", { params: { item_id: Path(s.unknown()) } }, async function readItemUntyped({ item_id }) {
    return { item_id };
  });

  // tutorial002
  app.get("/items/{item_id}", { params: { item_id: Path(s.int()) } }, async function readItem({ item_id }) {
    return { item_id };
  });

  // tutorial003: the fixed path first
  app.get("/users/me", async function readUserMe() {
    return { user_id: "the current user" };
  });

  app.get("/users/{user_id}", { params: { user_id: Path(s.string()) } }, async function readUser({ user_id }) {
    return { user_id };
  });

  // tutorial003b: the first of two routes on one path wins
  app.get("/users", async function readUsers() {
    return ["Rick", "Morty"];
  });

  app.get("/users", async function readUsers2() {
    return ["Bean", "Elfo"];
  });

  // tutorial004
  app.get("/files/{file_path:path}", { params: { file_path: Path(s.string()) } }, async function readFile({ file_path }) {
    return { file_path };
  });

  // tutorial005
  app.get("/models/{model_name}", { params: { model_name: Path(ModelName) } }, async function getModel({ model_name }) {
    if (model_name === "alexnet") {
      return { model_name, message: "Deep Learning FTW!" };
    }

    if (model_name === "lenet") {
      return { model_name, message: "LeCNN all the images" };
    }

    return { model_name, message: "Have some residuals" };
  });

  return app;
}

export const app = makeApp(zodKit);
