// Twin of tests/python/fastapi_apps/path_params.py (docs_src/path_params, tutorial001-005).
import * as z from "zod";
import { FastAPI, Path } from "../../../src/fastapi/index.js";

const ModelName = z.enum(["alexnet", "resnet", "lenet"]);

export const app = new FastAPI();

// tutorial001: no type, the raw string
app.get("/t001/items/{item_id}", { params: { item_id: Path(z.unknown()) } }, async function readItemUntyped({ item_id }) {
  return { item_id };
});

// tutorial002
app.get("/items/{item_id}", { params: { item_id: Path(z.int()) } }, async function readItem({ item_id }) {
  return { item_id };
});

// tutorial003: the fixed path first
app.get("/users/me", async function readUserMe() {
  return { user_id: "the current user" };
});

app.get("/users/{user_id}", { params: { user_id: Path(z.string()) } }, async function readUser({ user_id }) {
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
app.get("/files/{file_path:path}", { params: { file_path: Path(z.string()) } }, async function readFile({ file_path }) {
  return { file_path };
});

// tutorial005
app.get("/models/{model_name}", { params: { model_name: Path(ModelName) } }, async function getModel({ model_name }) {
  if (model_name === ModelName.enum.alexnet) {
    return { model_name, message: "Deep Learning FTW!" };
  }

  if (model_name === "lenet") {
    return { model_name, message: "LeCNN all the images" };
  }

  return { model_name, message: "Have some residuals" };
});
